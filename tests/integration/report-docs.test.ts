// The Word and PDF status reports, read back with readers that share no code with the writers: JSZip opens
// the DOCX (docx writes with fflate) and its XML is searched as text; pdf.js extracts the PDF's text the way
// a viewer would, so a title drawn as an image or in boxes would not be found. Numbers come from the report
// data and, for the sample database, from the database itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/dates";
import { renderDocx } from "@/lib/export/docx";
import { LONG_TABLE_ROWS, renderPdf, splitForLineBreaks } from "@/lib/export/pdf";
import { buildReportOutline } from "@/lib/export/report-document";
import { buildReport } from "@/lib/queries/report";
import type { ReportData } from "@/lib/report/types";
import { reportFixture } from "../support/report-fixture";
import { readDocx, readPdf, squash, type PdfText } from "../support/report-files";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

const pct = (value: number) => `${Math.round(value * 10) / 10}%`;

function changeEntries(data: ReportData): { code: string; title: string }[] {
  const c = data.changes!;
  return [...c.newlyCompleted, ...c.newlyOverdue, ...c.statusDowngrades, ...c.dueDateRevisions, ...c.progressMoves];
}

describe("CJK line breaking for the PDF", () => {
  it("allows a break beside every Chinese character, keeps Latin runs whole and punctuation attached", () => {
    const parts = splitForLineBreaks("推进成渝中线高铁（第2项）");
    // Empty strings are the break points (zero-width glue, no hyphen).
    expect(parts.filter((p) => p !== "")).toEqual([
      "推",
      "进",
      "成",
      "渝",
      "中",
      "线",
      "高",
      "铁",
      "（第",
      "2",
      "项）",
    ]);
    expect(parts.join("")).toBe("推进成渝中线高铁（第2项）");
    expect(splitForLineBreaks("Chongqing")).toEqual(["Chongqing"]);
    expect(splitForLineBreaks("2026年").filter((p) => p !== "")).toEqual(["2026", "年"]);
  });
});

describe("DOCX status report (hand-made report data)", () => {
  const data = reportFixture();

  it("has the title, date, scope, headline numbers as prose, every pillar and every item", async () => {
    const docx = await readDocx(await renderDocx(data));
    const text = docx.paragraphs.join("\n");
    expect(docx.paragraphs[0]).toBe("成渝地区双城经济圈建设工作建议落实情况报告");
    expect(text).toContain("截至2026年11月28日");
    expect(text).toContain("报告范围：全部事项");
    const h = data.headline;
    const summary = docx.paragraphs.find((p) => p.includes("共跟踪事项"));
    expect(summary).toContain(`共跟踪事项${h.items}项`);
    expect(summary).toContain(`加权总体进度${pct(h.overallProgress!)}`);
    expect(summary).toContain(`已完成${h.completed}项`);
    expect(summary).toContain(`逾期${h.overdue}项`);
    expect(summary).toContain(`滞后${h.offTrack}项`);
    for (const pillar of data.pillars) {
      const row = docx.rows.find((r) => r[0] === `${pillar.number}．${pillar.title}`);
      expect(row, pillar.title).toEqual([
        `${pillar.number}．${pillar.title}`,
        String(pillar.items),
        String(pillar.completed),
        String(pillar.overdue),
        pct(pillar.progress!),
      ]);
    }
    for (const item of data.items) {
      const row = docx.rows.find((r) => r[0] === item.code && r.length === 6);
      expect(row, item.code).toEqual([
        item.code,
        item.title,
        item.leadUnit ?? "未明确",
        expect.any(String),
        // A recommendation's progress is rolled up from its actions, and its row says so.
        item.rolledUp ? `${pct(item.progress)}（汇总）` : pct(item.progress),
        item.dueDate ?? "未定",
      ]);
    }
    expect(data.items.some((i) => i.rolledUp)).toBe(true);
    expect(text).toContain("标注“汇总”的进度是其下各项举措按权重汇总的进度");
    for (const item of data.lagging) {
      const row = docx.rows.find((r) => r[0] === item.code && r.length === 7);
      const units = [item.leadUnit, item.coLeadUnit].filter((u) => u !== null).join("、") || "未明确";
      expect(row, item.code).toEqual([
        item.code,
        item.title,
        units,
        expect.any(String),
        expect.any(String),
        item.dueDate,
        String(item.daysOverdue ?? ""),
      ]);
    }
  });

  it("lists every change since the compare date, with due-date reasons", async () => {
    const docx = await readDocx(await renderDocx(data));
    const text = docx.paragraphs.join("\n");
    expect(text).toContain("四、2026年10月29日以来的变化情况");
    for (const entry of changeEntries(data)) expect(text).toContain(`${entry.code} ${entry.title}`);
    expect(text).toContain("原因：受征地拆迁影响，工期顺延");
    expect(text).toContain(`（一）新完成事项（${data.changes!.newlyCompleted.length}项）`);
    expect(text).toContain("信心由“正常”调整为“滞后”");
  });

  it("sets East Asian fonts in the styles, repeats table headers and numbers pages", async () => {
    const docx = await readDocx(await renderDocx(data));
    const defaults = docx.styles.slice(docx.styles.indexOf("<w:docDefaults>"), docx.styles.indexOf("</w:docDefaults>"));
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋"/);
    expect(docx.styles).toMatch(/w:styleId="Heading1".*?w:eastAsia="黑体"/s);
    const tables = docx.document.match(/<w:tbl>/g)?.length ?? 0;
    // the pillars' progress, their investment, the 关键指标, the lagging items and one table of items per pillar
    expect(tables).toBe(4 + data.pillars.length);
    expect(docx.document.match(/<w:tblHeader\/>|<w:tblHeader w:val="(?:true|1|on)"\/>/g)?.length).toBe(tables);
    expect(docx.footer).toContain("PAGE");
    expect(docx.footer).toContain("NUMPAGES");
    expect(docx.footer).toContain("第 ");
  });

  it("says plainly when nothing changed, and when there is no compare date", async () => {
    const none = await readDocx(await renderDocx(reportFixture({ changes: "none", actionsPerRecommendation: 1 })));
    expect(none.paragraphs).toContain("自2026年10月29日以来，报告范围内事项无变化。");
    expect(none.paragraphs.filter((p) => p === "无。")).toHaveLength(5);
    const noCompare = await readDocx(
      await renderDocx(reportFixture({ changes: "no-compare", actionsPerRecommendation: 1 })),
    );
    expect(noCompare.paragraphs).toContain("本报告未设对比日期，不列变化情况。");
    expect(noCompare.paragraphs.join("\n")).not.toContain("对比基准日");
  });

  it("writes an English report with English labels", async () => {
    const en = reportFixture({ locale: "en", actionsPerRecommendation: 2 });
    const docx = await readDocx(await renderDocx(en));
    const text = docx.paragraphs.join("\n");
    expect(docx.paragraphs[0]).toBe("Chengdu–Chongqing Twin-City Economic Circle: Implementation Status Report");
    expect(text).toContain("(as of 28 November 2026)");
    expect(text).toContain(`covers ${en.headline.items} items`);
    expect(text).toContain("6. Items by pillar");
    expect(docx.rows.some((r) => r.includes("In progress"))).toBe(true);
    expect(text).not.toMatch(/截至|报告范围/);
    expect(docx.footer).toContain("Page ");
  });
});

describe("PDF status report (hand-made report data)", () => {
  // The last pillar's items without 指标: its item table, not its indicator lines, ends the document.
  const fixture = reportFixture();
  const last = new Set(fixture.items.filter((i) => i.pillarNumber === 5).map((i) => i.code));
  const data = { ...fixture, indicators: fixture.indicators.filter((x) => !last.has(x.code)) };
  let pdf: Buffer;
  let read: PdfText;

  beforeAll(async () => {
    pdf = await renderPdf(data);
    read = await readPdf(pdf);
  });

  it("holds the Chinese title, headline numbers and every item as real text over several numbered pages", () => {
    const all = read.pages.join("");
    expect(read.numPages).toBeGreaterThan(1);
    expect(read.pages[0]).toContain("成渝地区双城经济圈建设工作建议落实情况报告");
    expect(read.pages[0]).toContain("截至2026年11月28日");
    const h = data.headline;
    expect(all).toContain(squash(`共跟踪事项${h.items}项，加权总体进度${pct(h.overallProgress!)}`));
    expect(all).toContain(`已完成${h.completed}项，逾期${h.overdue}项`);
    for (const pillar of data.pillars)
      expect(all).toContain(squash(`${pillar.number}．${pillar.title}${pillar.items}`));
    for (const item of data.items) expect(all, item.code).toContain(squash(`${item.code}${item.title}`));
    for (const entry of changeEntries(data)) expect(all).toContain(squash(`${entry.code} ${entry.title}`));
    read.pages.forEach((page, i) => expect(page).toContain(`第${i + 1}页/共${read.numPages}页`));
  });

  it("repeats the table header row on the pages a table continues onto", () => {
    const header = "编号事项牵头单位状态进度完成时限";
    const last = read.pages[read.numPages - 1]!;
    // The last page holds only the end of the last pillar's table: its header is there only if repeated.
    expect(last).toContain(header);
    expect(last).not.toContain("六、分方面事项明细");
    expect(read.pages.filter((p) => p.includes(header)).length).toBeGreaterThan(data.pillars.length);
  });

  it("starts each chapter, and each section with a long table, on a page of its own", () => {
    const blocks = buildReportOutline(data).blocks;
    // What follows a heading up to the next heading.
    const section = (i: number) => {
      const rest = blocks.slice(i + 1);
      const end = rest.findIndex((b) => b.kind === "heading");
      return end === -1 ? rest : rest.slice(0, end);
    };
    const longTable = (i: number) => section(i).some((b) => b.kind === "table" && b.rows.length > LONG_TABLE_ROWS);
    const starts = blocks.filter((b, i) => b.kind === "heading" && (b.level === 1 || longTable(i)));
    const longSections = starts.filter((b) => b.kind === "heading" && b.level === 2);
    // The fixture's pillar tables are long: without them this test would not check the second rule.
    expect(longSections.length).toBeGreaterThan(0);
    for (const heading of starts.slice(1)) {
      if (heading.kind !== "heading") continue;
      // The heading is the first text of a page: nothing of the part before it shares that page.
      expect(
        read.pages.some((p) => p.startsWith(squash(heading.text))),
        heading.text,
      ).toBe(true);
    }
  });

  it("breaks Chinese lines without hyphens", () => {
    const hyphenated = read.lines.filter((line) => /[\u4e00-\u9fff]-$/u.test(line));
    expect(hyphenated).toEqual([]);
  });

  it("embeds Noto Sans SC as a TrueType CID font, with no Type 3 fonts", () => {
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSansSC/);
    expect(raw).toContain("/CIDFontType2");
    expect(raw).toContain("/FontFile2");
    expect(raw).not.toContain("/Type3");
  });

  it("renders an English report with English page numbers", async () => {
    const en = await readPdf(
      await renderPdf(reportFixture({ locale: "en", actionsPerRecommendation: 2, changes: "none" })),
    );
    expect(en.pages[0]).toContain(squash("Chengdu–Chongqing Twin-City Economic Circle: Implementation Status Report"));
    expect(en.pages.join("")).toContain(squash("No changes in scope since 29 October 2026."));
    expect(en.pages[0]).toContain(`Page1of${en.numPages}`);
  });
});

describe("DOCX and PDF of the sample database's report", () => {
  let t: TestDatabase;
  let data: ReportData;

  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
    const asOf = todayInChina();
    const compare = new Date(Date.parse(`${asOf}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
    data = await buildReport(t.db, { scope: { kind: "all" }, asOf, compare, locale: "zh-CN" });
  });
  afterAll(async () => t?.drop());

  it("shows the database's own counts, pillars and changes in the Word report", async () => {
    const actions = await t.db.item.findMany({ where: { level: "ACTION", retiredAt: null }, select: { status: true } });
    const pillars = await t.db.pillar.findMany({ orderBy: { number: "asc" }, select: { number: true, title: true } });
    expect(data.headline.items).toBe(actions.length);
    expect(data.headline.completed).toBe(actions.filter((a) => a.status === "COMPLETED").length);

    const docx = await readDocx(await renderDocx(data));
    const summary = docx.paragraphs.find((p) => p.includes("共跟踪事项"));
    expect(summary).toContain(`共跟踪事项${actions.length}项`);
    expect(summary).toContain(`已完成${actions.filter((a) => a.status === "COMPLETED").length}项`);
    expect(summary).toContain(`逾期${data.headline.overdue}项`);
    for (const pillar of pillars)
      expect(
        docx.rows.some((r) => r[0] === `${pillar.number}．${pillar.title}`),
        pillar.title,
      ).toBe(true);
    const text = docx.paragraphs.join("\n");
    for (const entry of changeEntries(data)) expect(text).toContain(`${entry.code} ${entry.title}`);
    // The sample data's year of history always moves something within 30 days.
    expect(changeEntries(data).length).toBeGreaterThan(0);
    // Fictional figures never pass for real ones: the report says it is sample data, first thing.
    expect(data.sampleData).toBe(true);
    expect(docx.paragraphs.slice(0, 3).join("")).toContain("【示例数据】");
    const real = await readDocx(await renderDocx({ ...data, sampleData: false }));
    expect(real.paragraphs.join("")).not.toContain("【示例数据】");
  });

  it("holds every item title of the database as text in the PDF", async () => {
    const items = await t.db.item.findMany({ where: { retiredAt: null }, select: { code: true, title: true } });
    const started = performance.now();
    const pdf = await renderPdf(data);
    console.info(`sample report PDF: ${Math.round(performance.now() - started)} ms, ${pdf.length} bytes`);
    const read = await readPdf(pdf);
    const all = read.pages.join("");
    expect(read.numPages).toBeGreaterThan(1);
    expect(all).toContain(`共跟踪事项${data.headline.items}项`);
    expect(read.pages[0]).toContain("【示例数据】");
    for (const item of items) expect(all, item.code).toContain(squash(`${item.code}${item.title}`));
    expect(read.lines.filter((line) => /[\u4e00-\u9fff]-$/u.test(line))).toEqual([]);
  });
});
