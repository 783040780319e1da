// A closed period's 情况通报 as its two files, rendered once when the period closes and stored with it
// (period_files): the same BulletinData always gives the same bytes, because the documents carry the close as
// their only date. Each is laid out in a worker thread like every other document (document-thread.ts).
import type { BulletinData, BulletinRenderer } from "../report/bulletin";
import { buildBulletinOutline } from "./bulletin-document";
import { renderOutlineInWorker } from "./document-thread";

export const renderBulletin: BulletinRenderer = async (data: BulletinData) => {
  const outline = buildBulletinOutline(data);
  const fixedAt = new Date(data.period.closedAt);
  // One after the other: a close is rare, and two layouts at once would take both cores from the pages.
  const docx = await renderOutlineInWorker(outline, "docx", { fixedAt });
  const pdf = await renderOutlineInWorker(outline, "pdf", { fixedAt });
  return { docx, pdf };
};
