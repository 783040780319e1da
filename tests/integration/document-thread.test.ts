// Word and PDF reports laid out in a worker thread (what /api/reports serves) say exactly what the same
// renderers say on the calling thread, and a document over its time limit is stopped with a clear error.
import { describe, expect, it } from "vitest";
import { DocumentRenderError, renderDocumentInWorker } from "@/lib/export/document-thread";
import { renderDocx } from "@/lib/export/docx";
import { renderPdf } from "@/lib/export/pdf";
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

  it("stops a document that takes longer than its limit, and says which", async () => {
    const error = await renderDocumentInWorker(data, "pdf", 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentRenderError);
    expect((error as Error).message).toBe("the pdf took longer than 0.001 s");
  });
});
