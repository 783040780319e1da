// The investment figures of the report in every format, live and as of a past day: the Word and PDF tables by
// pillar (亿元) read back from the files equal the roll-up query — and the test's own BigInt sums of the amounts
// it wrote — to the cent of the 亿元 shown; the JSON carries the exact decimal strings; the XLSX item rows as of
// the earlier day hold the earlier amounts; a pillar's report counts only its own items.
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetClock, setClock } from "@/lib/clock";
import { endOfDay, todayInChina } from "@/lib/dates";
import { renderDocx } from "@/lib/export/docx";
import { renderJson } from "@/lib/export/json";
import { renderPdf } from "@/lib/export/pdf";
import { renderXlsx } from "@/lib/export/xlsx";
import { queryInvestmentRollup, queryInvestmentTotals, type InvestmentFigures } from "@/lib/queries/investment";
import { buildReport } from "@/lib/queries/report";
import { ITEM_COLUMNS } from "@/lib/report/item-columns";
import type { ReportData } from "@/lib/report/types";
import { setInvestment } from "@/lib/writes/investment";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { sampleStaff, type TestAccount } from "../support/actors";
import { readDocx, readPdf, squash } from "../support/report-files";
import { reportFixture } from "../support/report-fixture";

const DAY = 86_400_000;

/** 万元 (a decimal string with two decimals) → 亿元 to two decimals, rounded half up, grouped: computed apart from lib/money. */
function yi(wan: string): string {
  const cents = BigInt(wan.replace(".", ""));
  const hundredths = ((cents + 5_000n) / 10_000n).toString().padStart(3, "0");
  const int = hundredths.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${int}.${hundredths.slice(-2)}`;
}
const rateText = (rate: string | null) => (rate === null ? "—" : `${rate}%`);
const sum = (amounts: (string | null)[]) =>
  amounts.reduce((s, a) => s + (a === null ? 0n : BigInt(a.replace(".", ""))), 0n);
const wan = (cents: bigint) => `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;

/** The investment table's rows as the documents must show them: pillar rows, then the total. */
function expectedRows(data: ReportData): string[][] {
  const inv = data.investment;
  return [
    ...inv.pillars.map((p) => [`${p.number}．${p.title}`, yi(p.planned), yi(p.completed), rateText(p.rate)]),
    ["合计", yi(inv.total.planned), yi(inv.total.completed), rateText(inv.total.rate)],
  ];
}

describe("the investment table of a hand-made report", () => {
  it("is in the Word and PDF documents, in 亿元, with the total row", async () => {
    const data = reportFixture();
    expect(data.investment.pillars.length).toBeGreaterThan(1);
    const docx = await readDocx(await renderDocx(data));
    const table = docx.rows.filter((r) => r.length === 4);
    expect(table).toEqual([["方面", "计划投资（亿元）", "完成投资（亿元）", "完成率"], ...expectedRows(data)]);
    expect(docx.paragraphs).toContain("分方面投资完成情况（2026年）");
    const pdf = (await readPdf(await renderPdf(data))).pages.join("");
    for (const row of expectedRows(data)) expect(pdf).toContain(squash(row.join("")));
    const en = await readDocx(await renderDocx(reportFixture({ locale: "en", actionsPerRecommendation: 2 })));
    expect(en.rows).toContainEqual(["Pillar", "Planned (亿元)", "Done (亿元)", "Completion rate"]);
    expect(en.paragraphs).toContain("Investment by pillar, 2026");
  });

  it("says so when no item in scope has investment figures", async () => {
    const data = reportFixture();
    const none = { ...data, investment: { ...data.investment, pillars: [] } };
    const docx = await readDocx(await renderDocx(none));
    expect(docx.paragraphs).toContain("报告范围内事项未填报2026年投资数据。");
    expect(docx.rows.filter((r) => r.length === 4)).toEqual([]);
  });
});

describe("the sample database's report with investment, live and as of a past day", () => {
  let t: TestDatabase;
  let admin: TestAccount;
  /** the moments of the two rounds of figures, and the days a report is taken as of between and after them */
  let t1: Date, t2: Date, dayBetween: string, dayAfter: string, year: number;
  /** per item: pillar number, then the amounts written at t1 and t2 (total, planned, completed) */
  const written: { id: number; code: string; pillar: number; v1: Amounts; v2: Amounts }[] = [];
  type Amounts = { total: string | null; planned: string | null; completed: string | null };

  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
    ({ admin } = await sampleStaff(t.db));
    // Two moments in the future (history written at them is the latest of every item), in one calendar year.
    let offset = 1;
    do {
      t1 = new Date(Date.now() + offset * DAY);
      t2 = new Date(t1.getTime() + DAY);
      offset += 1;
    } while (todayInChina(t1).slice(0, 4) !== todayInChina(new Date(t2.getTime() + DAY)).slice(0, 4));
    dayBetween = todayInChina(t1);
    dayAfter = todayInChina(t2);
    year = Number(dayAfter.slice(0, 4));
    expect(endOfDay(dayBetween).getTime()).toBeLessThan(t2.getTime());

    const pillars = await t.db.pillar.findMany({ orderBy: { number: "asc" }, take: 3 });
    let n = 0;
    for (const pillar of pillars) {
      const items = await t.db.item.findMany({
        where: { pillarId: pillar.id, level: "ACTION", retiredAt: null },
        orderBy: { id: "asc" },
        take: 2,
        select: { id: true, code: true },
      });
      for (const item of items) {
        n += 1;
        // Amounts that a float would not add exactly; the third pillar has totals only (no plan: no rate).
        const planned = pillar.number === 3 ? null : `${n * 1_234_567}.${String(n * 7).padStart(2, "0")}`;
        written.push({
          ...item,
          pillar: pillar.number,
          v1: { total: `${n * 9_876_543}.21`, planned, completed: planned === null ? null : `${n * 345_678}.1${n}` },
          v2: {
            total: `${n * 9_876_543}.21`,
            planned,
            completed: planned === null || n % 2 === 0 ? null : `${n * 1_005_678}.0${n}`,
          },
        });
      }
    }
    for (const [at, key] of [
      [t1, "v1"],
      [t2, "v2"],
    ] as const) {
      setClock(at);
      for (const w of written) {
        const { version } = await t.db.item.findUniqueOrThrow({ where: { id: w.id }, select: { version: true } });
        await t.db.$transaction((tx) =>
          setInvestment(tx, admin, {
            itemId: w.id,
            expectedVersion: version,
            totalInvestment: w[key].total,
            sichuanShare: null,
            chongqingShare: null,
            year,
            planned: w[key].planned,
            completed: w[key].completed,
          }),
        );
      }
    }
    resetClock();
  }, 240_000);
  afterEach(() => resetClock());
  afterAll(async () => t?.drop());

  const report = (asOf: string, scope: ReportData["scope"] = { kind: "all" }) =>
    buildReport(t.db, { scope, asOf, compare: null, locale: "zh-CN" }, t2);

  /** The figures the test expects from what it wrote, by pillar and in total (BigInt cents). */
  function ownSums(key: "v1" | "v2", pillar?: number): Pick<InvestmentFigures, "total" | "planned" | "completed"> {
    const mine = written.filter((w) => pillar === undefined || w.pillar === pillar).map((w) => w[key]);
    return {
      total: wan(sum(mine.map((m) => m.total))),
      planned: wan(sum(mine.map((m) => m.planned))),
      completed: wan(sum(mine.map((m) => m.completed))),
    };
  }

  it.each([
    ["between the two rounds", "v1"],
    ["after the second round", "v2"],
  ] as const)("as of the day %s: documents and JSON say the roll-up's figures to the cent", async (_when, key) => {
    const asOf = key === "v1" ? dayBetween : dayAfter;
    const data = await report(asOf);
    const before = endOfDay(asOf);
    const rollup = await queryInvestmentRollup(t.db, before, year, "pillar");
    const totals = await queryInvestmentTotals(t.db, before, year);
    // The roll-up is what the test wrote (the sample data has no investment of its own).
    expect(rollup.map((r) => [Number(r.key), r.total, r.planned, r.completed])).toEqual(
      [1, 2, 3].map((p) => {
        const s = ownSums(key, p);
        return [p, s.total, s.planned, s.completed];
      }),
    );
    expect(totals).toMatchObject(ownSums(key));
    expect(data.investment.year).toBe(year);
    expect(
      data.investment.pillars.map((p) => ({
        key: String(p.number),
        rate: p.rate,
        planned: p.planned,
        completed: p.completed,
      })),
    ).toEqual(rollup.map((r) => ({ key: r.key, rate: r.rate, planned: r.planned, completed: r.completed })));
    expect(data.investment.total).toEqual({
      items: totals.items,
      total: totals.total,
      planned: totals.planned,
      completed: totals.completed,
      rate: totals.rate,
    });

    const docx = await readDocx(await renderDocx(data));
    expect(docx.rows.filter((r) => r.length === 4).slice(1)).toEqual([
      ...rollup.map((r) => [`${r.key}．${r.label}`, yi(r.planned), yi(r.completed), rateText(r.rate)]),
      ["合计", yi(totals.planned), yi(totals.completed), rateText(totals.rate)],
    ]);
    expect(docx.paragraphs.join("\n")).toContain(
      `${year}年计划投资${yi(totals.planned)}亿元，完成投资${yi(totals.completed)}亿元，完成率${rateText(totals.rate)}`,
    );
    const pdf = (await readPdf(await renderPdf(data))).pages.join("");
    for (const row of expectedRows(data)) expect(pdf).toContain(squash(row.join("")));

    // JSON: each item's figures as the exact decimal strings written, and the table's.
    const json = JSON.parse(renderJson(data).toString("utf8")) as ReportData;
    for (const w of written) {
      const item = json.items.find((i) => i.code === w.code)!;
      expect(item, w.code).toMatchObject({
        totalInvestment: w[key].total,
        plannedInvestment: w[key].planned,
        completedInvestment: w[key].completed,
      });
    }
    expect(json.investment).toEqual(data.investment);
  });

  it("the XLSX item rows as of the earlier day hold the earlier amounts", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(await report(dayBetween))) as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((ws) => ws.getRow(1).getCell(1).text === ITEM_COLUMNS[0]!.zh)!;
    const column = (key: string) => ITEM_COLUMNS.findIndex((c) => c.key === key) + 1;
    const changed = written.filter((w) => w.v1.completed !== w.v2.completed);
    expect(changed.length).toBeGreaterThan(0);
    for (const w of changed) {
      let row: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(1).text === w.code) row = r;
      });
      expect(row!.getCell(column("completedInvestment")).value, w.code).toBe(Number(w.v1.completed));
      expect(row!.getCell(column("totalInvestment")).value, w.code).toBe(Number(w.v1.total));
    }
  });

  it("a pillar's report counts only that pillar's items", async () => {
    const data = await report(dayAfter, { kind: "pillar", pillarNumber: 2 });
    const [row] = (await queryInvestmentRollup(t.db, endOfDay(dayAfter), year, "pillar")).filter((r) => r.key === "2");
    expect(data.investment.pillars.map((p) => p.number)).toEqual([2]);
    expect(data.investment.total).toMatchObject({ planned: row!.planned, completed: row!.completed, rate: row!.rate });
    expect(data.investment.total).toMatchObject(ownSums("v2", 2));
  });
});
