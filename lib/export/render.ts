// One entry point from a format to the file's bytes, used by the report route handler. Spreadsheets and JSON
// are written here (streamed, under a second at 10,000 items); Word and PDF are laid out in a worker thread.
import type { ReportData, ReportFormat } from "../report/types";
import { renderCsv } from "./csv";
import { renderDocumentInWorker } from "./document-thread";
import { renderJson } from "./json";
import { renderXlsx } from "./xlsx";
import { observeReportBuild } from "../metrics";

/** Builds the file, counted and timed in the metrics (a file served from the report cache is not built). */
export async function renderReport(data: ReportData, format: ReportFormat): Promise<Buffer> {
  const started = performance.now();
  try {
    const bytes = await renderFormat(data, format);
    observeReportBuild(format, (performance.now() - started) / 1000, true);
    return bytes;
  } catch (error) {
    observeReportBuild(format, (performance.now() - started) / 1000, false);
    throw error;
  }
}

async function renderFormat(data: ReportData, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case "xlsx":
      return renderXlsx(data);
    case "csv":
      return renderCsv(data);
    case "json":
      return renderJson(data);
    case "docx":
    case "pdf":
      return renderDocumentInWorker(data, format);
  }
}
