// The written report's 考评 section on hand-made ratings: where it sits, the 红榜 and 黑榜 with tied ranks as
// ranked (not renumbered), an editor's own row without any list, and the empty state before the first close.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReportRatings as RatingsPreview } from "@/components/reports/report-ratings";
import { buildReportOutline, type OutlineBlock } from "@/lib/export/report-document";
import type { ReportRatingRow, ReportRatings } from "@/lib/report/types";
import { reportFixture } from "../support/report-fixture";

const texts = (blocks: OutlineBlock[]) =>
  blocks.flatMap((b) => (b.kind === "heading" || b.kind === "paragraph" ? [b.text] : []));
const headings = (blocks: OutlineBlock[]) =>
  blocks.flatMap((b) => (b.kind === "heading" && b.level === 1 ? [b.text] : []));

function row(unitId: number, score: number | null, rank: number | null, board: ReportRatingRow["board"]) {
  return {
    unitId,
    unit: `单位${unitId}`,
    side: "SICHUAN" as const,
    rank,
    score,
    board,
    components: { onTime: 0.5, firstPass: null, overdue: 0.75, supervision: 1 },
    counts: {
      obligations: 4,
      onTime: 2,
      late: 1,
      missing: 1,
      returned: 0,
      reviewed: 0,
      firstPass: 0,
      items: 4,
      overdue: 1,
      supervisions: 1,
      answeredOnTime: 1,
      pending: 0,
    },
  };
}

const RATINGS: ReportRatings = {
  period: { id: 7, label: "2026年10月", labelEn: "October 2026", closedAt: "2026-10-31T16:05:00.000Z" },
  weights: { onTime: 40, firstPass: 30, overdue: 20, supervision: 10 },
  weightsSetAt: null,
  weightsSetBy: null,
  rankedCount: 5,
  seesAll: true,
  rows: [
    row(1, 90, 1, "RED"),
    row(2, 80, 2, "RED"),
    row(3, 80, 2, "RED"),
    row(4, 50, 4, null),
    row(5, 10, 5, "BLACK"),
    row(6, null, null, null),
  ],
};

describe("the report's 考评 section", () => {
  it("comes after the summary sections, before the item tables, with the lists and the full ranking", () => {
    const outline = buildReportOutline({ ...reportFixture(), ratings: RATINGS });
    expect(headings(outline.blocks)).toEqual([
      "一、总体情况",
      "二、分方面推进情况",
      "三、滞后和逾期事项",
      expect.stringMatching(/^四、/),
      "五、考评与红黑榜（2026年10月）",
      "六、分方面事项明细",
    ]);
    const all = texts(outline.blocks);
    expect(all).toContain(
      "本周期计分权重：按时报送率 40、一次通过率 30、逾期事项 20、督办按时反馈率 10。（默认权重，未经调整）",
    );
    const red = all.indexOf("红榜（前 3 名）");
    expect(all.slice(red + 1, red + 4)).toEqual([
      "第 1 名　单位1（四川）　90.0 分",
      "第 2 名　单位2（四川）　80.0 分",
      "第 2 名　单位3（四川）　80.0 分",
    ]);
    const black = all.indexOf("黑榜（后 3 名）");
    expect(all[black + 1]).toBe("第 5 名　单位5（四川）　10.0 分");
    const table = outline.blocks.find(
      (b): b is Extract<OutlineBlock, { kind: "table" }> => b.kind === "table" && b.columns[0]!.label === "名次",
    )!;
    expect(table.columns.reduce((s, c) => s + c.width, 0)).toBeCloseTo(1, 9);
    expect(table.rows.map((r) => r.cells)).toContainEqual([
      "1",
      "单位1",
      "四川",
      "90.0",
      "50.0%",
      "—（不计）",
      "75.0%（1/4）",
      "100.0%",
      "红榜",
    ]);
    expect(table.rows.at(-1)!.cells.slice(0, 4)).toEqual(["未排名", "单位6", "四川", "—"]);
  });

  it("shows an editor their own row and no list; and says when no period has closed", () => {
    const own = buildReportOutline({
      ...reportFixture(),
      ratings: { ...RATINGS, seesAll: false, rows: [RATINGS.rows[3]!] },
    });
    const all = texts(own.blocks);
    expect(all).toContain("本单位考评");
    expect(all.some((t) => t.startsWith("红榜") || t.startsWith("黑榜"))).toBe(false);
    const tables = own.blocks.filter((b) => b.kind === "table" && b.columns[0]!.label === "名次");
    expect(tables.map((b) => (b as Extract<OutlineBlock, { kind: "table" }>).rows.length)).toEqual([1]);

    const none = texts(buildReportOutline({ ...reportFixture(), ratings: null }).blocks);
    const at = none.indexOf("五、考评与红黑榜");
    expect(none[at + 1]).toBe("截至 2026-11-28，还没有已关闭的填报周期，暂无考评。");

    const en = texts(buildReportOutline({ ...reportFixture({ locale: "en" }), ratings: RATINGS }).blocks);
    expect(en).toContain("5. Unit ratings and red and black lists (October 2026)");
    expect(en).toContain("6. Items by pillar");
  });

  it("is on the report page's preview too, unnumbered, with the same rows", () => {
    const html = renderToStaticMarkup(
      createElement(RatingsPreview, { data: { ...reportFixture(), ratings: RATINGS } }),
    );
    expect(html).toContain("<h2>考评与红黑榜（2026年10月）</h2>");
    expect(html).toContain("<h3>红榜（前 3 名）</h3>");
    // The 红榜's rows in bold, as in the documents.
    expect(html).toContain('<th scope="row"><strong>单位1</strong></th>');
    expect(html).toContain('<th scope="row">单位4</th>');
    expect(html.match(/<tr>/g)!.length).toBe(1 + RATINGS.rows.length);
    const own = renderToStaticMarkup(
      createElement(RatingsPreview, {
        data: { ...reportFixture(), ratings: { ...RATINGS, seesAll: false, rows: [RATINGS.rows[3]!] } },
      }),
    );
    expect(own).not.toContain("红榜（");
    expect(own).not.toContain("单位1<");
    expect(own).toContain('<th scope="row">单位4</th>');
  });
});
