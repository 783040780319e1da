// The 情况通报 renderer the sample year closes its twelve periods with. The app's renderer (lib/export/bulletin.ts
// renderBulletin) lays out each file in a worker thread of its own, so a page server keeps answering; each such
// worker loads the layout libraries and the two 10 MB Noto Sans SC fonts again, about 4 s per bulletin. The
// seed has no pages to keep answering, so it lays out the same outline with the same two functions on its own
// thread, where the libraries and fonts are loaded once: the same bytes (tests/integration/sample-cycle.test.ts
// renders a closed sample period again with renderBulletin and compares), about 1 s per bulletin.
import type { BulletinData, BulletinRenderer } from "../../../lib/report/bulletin";
import type { SupervisionNoticeData, SupervisionRenderer } from "../../../lib/report/supervision";
import { buildBulletinOutline } from "../../../lib/export/bulletin-document";
import { buildSupervisionOutline } from "../../../lib/export/supervision-document";

export const renderBulletinHere: BulletinRenderer = async (data: BulletinData) => {
  const [{ renderOutlineDocx }, { renderOutlinePdf }] = await Promise.all([
    import("../../../lib/export/docx"),
    import("../../../lib/export/pdf"),
  ]);
  const outline = buildBulletinOutline(data);
  const fixedAt = new Date(data.period.closedAt);
  const docx = await renderOutlineDocx(outline, { fixedAt });
  const pdf = await renderOutlinePdf(outline, { fixedAt });
  return { docx, pdf };
};

/**
 * The 督办通知单 renderer of the sample's 督办, for the same reason: lib/export/supervision.ts renderSupervision's
 * outline and layout functions on this thread (the same bytes, the notice's issue as its only date).
 */
export const renderSupervisionHere: SupervisionRenderer = async (data: SupervisionNoticeData) => {
  const [{ renderOutlineDocx }, { renderOutlinePdf }] = await Promise.all([
    import("../../../lib/export/docx"),
    import("../../../lib/export/pdf"),
  ]);
  const outline = buildSupervisionOutline(data);
  const fixedAt = new Date(data.issuedAt);
  const docx = await renderOutlineDocx(outline, { fixedAt });
  const pdf = await renderOutlinePdf(outline, { fixedAt });
  return { docx, pdf };
};
