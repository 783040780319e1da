// One entry point from a format to the file's bytes, used by the report route handler.
import type { ReportData, ReportFormat } from "../report/types";
import { renderCsv } from "./csv";
import { renderDocx } from "./docx";
import { renderJson } from "./json";
import { renderPdf } from "./pdf";
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
      return renderDocx(data);
    case "pdf":
      return renderPdf(data);
  }
}
