// A written report (DOCX, PDF) lists at most DOCUMENT_LIMITS rows and entries one by one, and says how many it
// left out and where they are; under the limits it lists everything. Checked on the format-neutral outline,
// which both renderers lay out as given.
import { describe, expect, it } from "vitest";
import { buildReportOutline, DOCUMENT_LIMITS, type OutlineBlock } from "@/lib/export/report-document";
import type { ReportData } from "@/lib/report/types";
import { reportFixture } from "../support/report-fixture";

const tables = (blocks: OutlineBlock[]) =>
  blocks.filter((b): b is Extract<OutlineBlock, { kind: "table" }> => b.kind === "table");
const paragraphs = (blocks: OutlineBlock[]) =>
  blocks.filter((b) => b.kind === "paragraph").map((b) => (b as { text: string }).text);
/** The blocks after the heading `from` up to the next first-level heading. */
function section(blocks: OutlineBlock[], from: string): OutlineBlock[] {
  const start = blocks.findIndex((b) => b.kind === "heading" && b.level === 1 && b.text === from);
  expect(start, from).toBeGreaterThanOrEqual(0);
  const rest = blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.kind === "heading" && b.level === 1);
  return end < 0 ? rest : rest.slice(0, end);
}

/** A large portfolio: 15 recommendations with 40 actions each, and hundreds of changes of every kind. */
function largeReport(): ReportData {
  const data = reportFixture({ actionsPerRecommendation: 40 });
  const actions = data.items.filter((i) => i.level === "ACTION");
  data.changes = {
    ...data.changes!,
    newlyCompleted: actions.slice(0, 120).map((i) => ({ code: i.code, title: i.title, leadUnit: i.leadUnit })),
    newlyOverdue: actions
      .slice(0, DOCUMENT_LIMITS.changeEntries)
      .map((i) => ({ code: i.code, title: i.title, leadUnit: i.leadUnit, dueDate: i.dueDate })),
  };
  return data;
}

describe("document limits", () => {
  it("lists only recommendations in the item tables over the limit, and says how many items there are", () => {
    const data = largeReport();
    const recommendations = data.items.filter((i) => i.level === "RECOMMENDATION");
    expect(data.items.length).toBeGreaterThan(DOCUMENT_LIMITS.detailRows);
    const outline = buildReportOutline(data);
    const details = section(outline.blocks, "六、分方面事项明细");
    const rows = tables(details).flatMap((t) => t.rows.map((r) => r.cells[0]));
    expect(rows).toEqual(recommendations.map((r) => r.code));
    const note = paragraphs(details).find((p) => p.includes("Excel"));
    expect(note).toContain(`共${data.items.length}项`);
    expect(note).toContain(`（${recommendations.length}项`);
  });

  it("lists the most overdue first up to the limit, and counts the rest", () => {
    const data = largeReport();
    expect(data.lagging.length).toBeGreaterThan(DOCUMENT_LIMITS.lagging);
    const lagging = section(buildReportOutline(data).blocks, "三、滞后和逾期事项");
    expect(tables(lagging)[0]!.rows.map((r) => r.cells[0])).toEqual(
      data.lagging.slice(0, DOCUMENT_LIMITS.lagging).map((i) => i.code),
    );
    expect(paragraphs(lagging).join("")).toContain(`其余${data.lagging.length - DOCUMENT_LIMITS.lagging}项`);
  });

  it("cuts each group of changes at the limit with a closing count, and leaves a group at the limit whole", () => {
    const data = largeReport();
    const groups = buildReportOutline(data).blocks.filter(
      (b): b is Extract<OutlineBlock, { kind: "entries" }> => b.kind === "entries",
    );
    const completed = groups[0]!.entries;
    expect(completed).toHaveLength(DOCUMENT_LIMITS.changeEntries + 1);
    expect(completed.at(-1)).toBe(`……另有${120 - DOCUMENT_LIMITS.changeEntries}项，见 Excel 导出的“变化”工作表。`);
    expect(groups[1]!.entries).toHaveLength(DOCUMENT_LIMITS.changeEntries);
    expect(groups[1]!.entries.join("")).not.toContain("另有");
  });

  it("lists every item, every lagging item and every change under the limits, in English too", () => {
    const data = reportFixture({ locale: "en", actionsPerRecommendation: 8 });
    expect(data.items.length).toBeLessThanOrEqual(DOCUMENT_LIMITS.detailRows);
    expect(data.lagging.length).toBeLessThanOrEqual(DOCUMENT_LIMITS.lagging);
    const outline = buildReportOutline(data);
    const rows = new Set(tables(outline.blocks).flatMap((t) => t.rows.map((r) => r.cells[0])));
    for (const item of data.items) expect(rows.has(item.code), item.code).toBe(true);
    const text = JSON.stringify(outline);
    expect(text).not.toMatch(/Excel or CSV export|more, in the Changes sheet/);
  });
});
