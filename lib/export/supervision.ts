// A 督办通知单 as its two files, rendered once after the 督办 is issued (lib/writes/chase.ts) and stored with it
// (supervision_files): the same notice always gives the same bytes, because the documents carry the issue as their
// only date. Each is laid out in a worker thread like every other document (document-thread.ts).
import type { SupervisionNoticeData, SupervisionRenderer } from "../report/supervision";
import { renderOutlineInWorker } from "./document-thread";
import { buildSupervisionOutline } from "./supervision-document";

export const renderSupervision: SupervisionRenderer = async (data: SupervisionNoticeData) => {
  const outline = buildSupervisionOutline(data);
  const fixedAt = new Date(data.issuedAt);
  const docx = await renderOutlineInWorker(outline, "docx", { fixedAt });
  const pdf = await renderOutlineInWorker(outline, "pdf", { fixedAt });
  return { docx, pdf };
};
