// Renderers that lay nothing out, for tests about closing, locking, timing and jobs rather than about the files
// (those read the real Word and PDF back: tests/support/report-files.ts). Each file's bytes name what it holds.
import type { BulletinRenderer } from "../../lib/report/bulletin";
import type { SupervisionRenderer } from "../../lib/report/supervision";

/** A 情况通报 as "docx {totals}" and "pdf {totals}". */
export const fakeBulletinRenderer: BulletinRenderer = async (data) => ({
  docx: Buffer.from(`docx ${JSON.stringify(data.total)}`),
  pdf: Buffer.from(`pdf ${JSON.stringify(data.total)}`),
});

/** A 督办通知单 as "docx <number>" and "pdf <number>". */
export const fakeSupervisionRenderer: SupervisionRenderer = async (data) => ({
  docx: Buffer.from(`docx ${data.number}`),
  pdf: Buffer.from(`pdf ${data.number}`),
});
