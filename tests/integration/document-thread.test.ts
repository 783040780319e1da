// Word and PDF reports laid out in a worker thread, and the Excel and CSV spreadsheets written there (what
// /api/reports serves), say exactly what the same renderers say on the calling thread, and a document over its time limit is stopped with a clear error. A
// worker is kept for the next document for a while, then lets its memory go.
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  DocumentRenderError,
  documentWorkers,
  keepDocumentWorkersWarmFor,
  renderDocumentInWorker,
} from "@/lib/export/document-thread";
import type { ReportData } from "@/lib/report/types";
import { renderCsv } from "@/lib/export/csv";
import { renderDocx } from "@/lib/export/docx";
import { renderPdf } from "@/lib/export/pdf";
import { renderXlsx } from "@/lib/export/xlsx";
import { reportFixture } from "../support/report-fixture";
import { readDocx, readPdf } from "../support/report-files";

describe("documents in a worker thread", () => {
  const data = reportFixture({ actionsPerRecommendation: 3 });

  it("writes the same PDF text as the renderer on this thread", async () => {
    const [inWorker, here] = await Promise.all([renderDocumentInWorker(data, "pdf"), renderPdf(data)]);
    const [a, b] = await Promise.all([readPdf(inWorker), readPdf(here)]);
    expect(a.numPages).toBeGreaterThan(1);
    expect(a.pages).toEqual(b.pages);
    for (const item of data.items) expect(a.pages.join(""), item.code).toContain(item.code);
  });

  it("writes the same Word document as the renderer on this thread", async () => {
    const [a, b] = await Promise.all([
      renderDocumentInWorker(data, "docx").then(readDocx),
      renderDocx(data).then(readDocx),
    ]);
    expect(a.paragraphs).toEqual(b.paragraphs);
    expect(a.rows).toEqual(b.rows);
    expect(a.rows.length).toBeGreaterThan(data.items.length);
  });

  it("writes the same workbook, sheet by sheet and cell by cell, as the writer on this thread", async () => {
    const read = async (file: Buffer) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file as unknown as ArrayBuffer);
      return book.worksheets.map((sheet) => ({
        name: sheet.name,
        rows: sheet.getSheetValues().map((row) => JSON.stringify(row ?? null)),
      }));
    };
    const [a, b] = await Promise.all([renderDocumentInWorker(data, "xlsx").then(read), renderXlsx(data).then(read)]);
    expect(a).toEqual(b);
    const items = a.map((sheet) => sheet.rows.join("\n")).join("\n");
    for (const item of data.items) expect(items, item.code).toContain(item.code);
  });

  it("writes the same CSV, byte for byte, as the writer on this thread", async () => {
    const inWorker = await renderDocumentInWorker(data, "csv");
    expect(inWorker.equals(renderCsv(data))).toBe(true);
    expect(inWorker.toString("utf8").split("\r\n").length).toBeGreaterThan(data.items.length);
  });

  it("stops a document that takes longer than its limit, and says which", async () => {
    const error = await renderDocumentInWorker(data, "pdf", 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentRenderError);
    expect((error as Error).message).toBe("the pdf took longer than 0.001 s");
  });

  it("stops the worker of a document over its limit and lays out the next one in a fresh worker", async () => {
    await renderDocumentInWorker(data, "docx"); // a worker waiting now
    const before = documentWorkers();
    expect(before.waiting).toBe(1);
    await renderDocumentInWorker(data, "pdf", 1).catch(() => undefined);
    // The stuck worker was the waiting one, and it is gone: a layout past its limit may never come back.
    expect(documentWorkers()).toEqual({ started: before.started, waiting: 0 });
    const file = await renderDocumentInWorker(data, "docx");
    expect((await readDocx(file)).rows.length).toBeGreaterThan(data.items.length);
    expect(documentWorkers()).toEqual({ started: before.started + 1, waiting: 1 });
  });
});

describe("a document worker kept for the next document", () => {
  const data = reportFixture({ actionsPerRecommendation: 1 });
  const keepWarm = keepDocumentWorkersWarmFor(60_000);
  afterAll(() => void keepDocumentWorkersWarmFor(keepWarm));

  it("lays out the next document in the worker that finished the last one", async () => {
    await renderDocumentInWorker(data, "pdf");
    const warm = documentWorkers();
    expect(warm.waiting).toBe(1);
    const [pdf, docx] = [await renderDocumentInWorker(data, "pdf"), await renderDocumentInWorker(data, "docx")];
    expect((await readPdf(pdf)).pages.join("")).toContain(data.items[0]!.code);
    expect((await readDocx(docx)).paragraphs.length).toBeGreaterThan(0);
    expect(documentWorkers()).toEqual(warm);
  });

  it("answers a document that fails with its error and keeps the worker for the next", async () => {
    await renderDocumentInWorker(data, "pdf");
    const warm = documentWorkers();
    const error = await renderDocumentInWorker(null as unknown as ReportData, "pdf").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentRenderError);
    expect((error as Error).message).toMatch(/^the pdf failed: /);
    await renderDocumentInWorker(data, "pdf");
    expect(documentWorkers()).toEqual(warm);
  });

  it("lays out two documents at once in two workers and keeps only one of them", async () => {
    await renderDocumentInWorker(data, "docx");
    const warm = documentWorkers();
    await Promise.all([renderDocumentInWorker(data, "pdf"), renderDocumentInWorker(data, "docx")]);
    expect(documentWorkers()).toEqual({ started: warm.started + 1, waiting: 1 });
  });

  it("lets a waiting worker go after its wait", async () => {
    keepDocumentWorkersWarmFor(20);
    await renderDocumentInWorker(data, "docx");
    expect(documentWorkers().waiting).toBe(1);
    await vi.waitFor(() => expect(documentWorkers().waiting).toBe(0), { timeout: 5_000, interval: 20 });
  });
});
