// One entry point from a format to the file's bytes, used by the report route handler. JSON is written here
// (one JSON.stringify, about as quick as handing the data to another thread); every other format is written in
// the worker thread (document-thread.ts), off the thread that answers requests.
import type { ReportData, ReportFormat } from "../report/types";
import { renderDocumentInWorker } from "./document-thread";
import { renderJson } from "./json";
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
    case "json":
      return renderJson(data);
    case "xlsx":
    case "csv":
    case "docx":
    case "pdf":
      return renderDocumentInWorker(data, format);
  }
}
