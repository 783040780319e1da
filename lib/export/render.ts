// One entry point from a format to the file's bytes, used by the report route handler. Spreadsheets and JSON
// are written here (streamed, under a second at 10,000 items); Word and PDF are laid out in a worker thread.
import type { ReportData, ReportFormat } from "../report/types";
import { renderCsv } from "./csv";
import { renderDocumentInWorker } from "./document-thread";
import { renderJson } from "./json";
import { renderXlsx } from "./xlsx";

export async function renderReport(data: ReportData, format: ReportFormat): Promise<Buffer> {
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
