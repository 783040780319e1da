// The report's 指标 from a real database, live and as of a past day, in every format: indicators are written
// through lib/writes/indicators.ts on two days (a definition changed, one removed, one added, a headline mark
// taken off, a value corrected for an earlier day); the figures the test expects are computed here — from what it
// wrote and from its own SQL over indicator_values, 完成度 by its own arithmetic — and compared with the JSON
// (decimal strings), the workbook's 指标 sheet (real numbers), the Word and PDF 关键指标 tables and the open
// API's item (validated against the OpenAPI document). A pillar's report holds only its items' indicators, and
// the live workbook, 指标 sheet and all, re-imports with nothing to change and no warning.
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetClock, setClock } from "@/lib/clock";
import { addDays, endOfDay, todayInChina } from "@/lib/dates";
import { renderDocx } from "@/lib/export/docx";
import { renderJson } from "@/lib/export/json";
import { renderPdf } from "@/lib/export/pdf";
import { renderXlsx } from "@/lib/export/xlsx";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportPlan } from "@/lib/import/types";
import { indicatorFields, type IndicatorFields } from "@/lib/indicators";
import { queryIndicatorsAt } from "@/lib/queries/indicators";
import { buildReport } from "@/lib/queries/report";
import type { ReportData, ReportIndicator } from "@/lib/report/types";
import * as writes from "@/lib/writes/indicators";
import { seed } from "../../prisma/seed/run";
import { headlineTableRows } from "../support/indicator-table";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { testAccount, type TestAccount } from "../support/actors";
import { callApi } from "../support/api-client";
import { fileForm } from "../support/import-files";
import { readDocx, readPdf, squash } from "../support/report-files";
import { signIn, signOut } from "../support/session";

const HOUR = 3_600_000;

/** What the test wrote of one indicator: its definition from each moment on, and its values with when. */
interface Written {
  id: number;
  item: { id: number; code: string; title: string; pillar: number };
  defs: { from: Date; removed?: true; def: Def }[];
  values: { at: Date; day: string; actual: string }[];
}
type Def = IndicatorFields;

/** 完成度, computed apart from lib/indicators: exact decimals scaled to 10⁻⁴, tenths rounded half away from 0. */
function ownCompletion(def: Def, actual: string | null): string | null {
  if (actual === null) return null;
  const units = (s: string) => {
    const [int, dec = ""] = s.replace("-", "").split(".");
    const v = BigInt(int!) * 10_000n + BigInt(dec.padEnd(4, "0"));
    return s.startsWith("-") ? -v : v;
  };
  const num = (units(actual) - units(def.baseline)) * 1000n;
  const den = units(def.target) - units(def.baseline);
  const q = (num * 2n) / den; // twice the tenths, truncated toward zero
  const tenths = q >= 0n ? (q + 1n) / 2n : -((-q + 1n) / 2n);
  const abs = tenths < 0n ? -tenths : tenths;
  return `${tenths < 0n ? "-" : ""}${abs / 10n}.${abs % 10n}`;
}

describe("the report's 指标 from the database, live and as of a past day", () => {
  let t: TestDatabase;
  let admin: TestAccount;
  let t1: Date, t2: Date, after: Date, day1: string, day2: string;
  const written: Written[] = [];

  /** The indicators at `before` as the test wrote them, in the outline's order. */
  function expected(before: Date): ReportIndicator[] {
    const rows = written.flatMap((w) => {
      const state = w.defs.filter((d) => d.from < before).at(-1);
      if (!state || state.removed) return [];
      const seen = w.values.filter((v) => v.at < before);
      const lastDay = seen
        .map((v) => v.day)
        .sort()
        .at(-1);
      const latest = seen.filter((v) => v.day === lastDay).at(-1) ?? null;
      return [
        {
          w,
          x: {
            code: w.item.code,
            title: w.item.title,
            ...state.def,
            actual: latest?.actual ?? null,
            observedOn: latest?.day ?? null,
            completion: ownCompletion(state.def, latest?.actual ?? null),
          } satisfies ReportIndicator,
        },
      ];
    });
    const key = (code: string) =>
      code
        .split(".")
        .map((n) => n.padStart(4, "0"))
        .join(".");
    return rows.sort((a, b) => key(a.w.item.code).localeCompare(key(b.w.item.code)) || a.w.id - b.w.id).map((r) => r.x);
  }

  async function write<T>(at: Date, f: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    setClock(at);
    return t.db.$transaction(f);
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    process.env.DATABASE_URL = t.url;
    await seed(t.db, { sample: false });
    admin = testAccount(
      await t.db.user.create({
        data: { loginName: "ind-admin", displayName: "指标测试管理员", passwordHash: "-", role: "ADMIN" },
      }),
    );
    // Two moments on consecutive China days, after everything the seed wrote.
    day1 = addDays(todayInChina(new Date()), 3);
    day2 = addDays(day1, 1);
    t1 = new Date(endOfDay(day1).getTime() - 10 * HOUR);
    t2 = new Date(endOfDay(day2).getTime() - 10 * HOUR);
    after = new Date(t2.getTime() + HOUR);

    const pick = async (pillar: number, skip: number) => {
      const row = await t.db.item.findFirstOrThrow({
        where: { level: "ACTION", retiredAt: null, pillar: { number: pillar } },
        orderBy: { id: "asc" },
        skip,
        select: { id: true, code: true, title: true },
      });
      return { ...row, pillar };
    };
    const [a, b, c] = [await pick(1, 0), await pick(1, 1), await pick(2, 0)];
    const add = async (item: Written["item"], def: Def, from = t1) => {
      const { headline, ...fields } = def;
      const r = await write(from, (tx) => writes.addIndicator(tx, admin, { itemId: item.id, ...fields }));
      if (headline)
        await write(from, (tx) => writes.setIndicatorHeadline(tx, admin, { indicatorId: r.indicatorId, headline }));
      const w: Written = { id: r.indicatorId, item, defs: [{ from, def }], values: [] };
      written.push(w);
      return w;
    };
    const value = async (w: Written, at: Date, day: string, actual: string) => {
      await write(at, (tx) => writes.reportIndicatorValue(tx, admin, { indicatorId: w.id, observedOn: day, actual }));
      w.values.push({ at, day, actual });
    };
    const version = async (w: Written) =>
      (await t.db.indicator.findUniqueOrThrow({ where: { id: w.id }, select: { version: true } })).version;

    // Day 1
    const km = await add(a, {
      name: "高速铁路运营里程",
      unit: "公里",
      baseline: "100",
      target: "600",
      targetYear: 2030,
      direction: "HIGHER",
      headline: true,
    });
    const hours = await add(a, {
      name: "货物通关时间",
      unit: "小时",
      baseline: "48",
      target: "24",
      targetYear: 2027,
      direction: "LOWER",
      headline: false,
    });
    const jobs = await add(b, {
      name: "城镇新增就业",
      unit: "万人",
      baseline: "0",
      target: "12.5",
      targetYear: 2026,
      direction: "HIGHER",
      headline: true,
    });
    const rd = await add(c, {
      name: "研发投入强度",
      unit: "%",
      baseline: "2.1",
      target: "3",
      targetYear: 2028,
      direction: "HIGHER",
      headline: true,
    });
    await value(km, t1, addDays(day1, -10), "150.5");
    await value(km, t1, day1, "230.25");
    await value(hours, t1, day1, "40");
    await value(rd, t1, day1, "1.9");

    // Day 2: new values, a correction of day 1's, a target raised, one removed, the mark taken off, one added
    await value(km, t2, day2, "310");
    await value(km, t2, day1, "231");
    await write(t2, async (tx) =>
      writes.updateIndicator(tx, admin, {
        indicatorId: km.id,
        expectedVersion: await version(km),
        ...{ name: km.defs[0]!.def.name, unit: "公里", baseline: "100", target: "700", targetYear: 2030 },
        direction: "HIGHER",
      }),
    );
    km.defs.push({ from: t2, def: { ...km.defs[0]!.def, target: "700" } });
    await write(t2, async (tx) =>
      writes.removeIndicator(tx, admin, { indicatorId: hours.id, expectedVersion: await version(hours) }),
    );
    hours.defs.push({ from: t2, removed: true, def: hours.defs[0]!.def });
    await write(t2, (tx) => writes.setIndicatorHeadline(tx, admin, { indicatorId: jobs.id, headline: false }));
    jobs.defs.push({ from: t2, def: { ...jobs.defs[0]!.def, headline: false } });
    const parks = await add(
      b,
      {
        name: "孵化载体",
        unit: "个",
        baseline: "0",
        target: "50",
        targetYear: 2027,
        direction: "HIGHER",
        headline: true,
      },
      t2,
    );
    await value(parks, t2, day2, "7");
    await value(rd, t2, day2, "2.4567");
    resetClock();
  }, 240_000);
  afterEach(() => {
    resetClock();
    signOut();
  });
  afterAll(async () => t?.drop());

  const report = (asOf: string, scope: ReportData["scope"] = { kind: "all" }) =>
    buildReport(t.db, { scope, asOf, compare: null, locale: "zh-CN" }, after);

  it("what the test wrote is what indicator_values and the histories hold (its own SQL)", async () => {
    for (const before of [endOfDay(day1), endOfDay(day2)]) {
      const latest = await t.db.$queryRaw<{ indicator_id: number; observed_on: Date; actual: string }[]>`
        SELECT DISTINCT ON (indicator_id) indicator_id, observed_on, actual::text AS actual
          FROM indicator_values WHERE reported_at < ${before}
         ORDER BY indicator_id, observed_on DESC, reported_at DESC, id DESC`;
      const mine = new Map(latest.map((r) => [r.indicator_id, r]));
      for (const x of expected(before)) {
        const w = written.find((y) => y.item.code === x.code && y.defs[0]!.def.name === x.name)!;
        const row = mine.get(w.id);
        expect(row ? Number(row.actual) : null, x.name).toBe(x.actual === null ? null : Number(x.actual));
        expect(row ? row.observed_on.toISOString().slice(0, 10) : null).toBe(x.observedOn);
      }
    }
    // the correction of day 1 is not in the past: as of day 1 the value then reported stands
    expect(expected(endOfDay(day1)).find((x) => x.name === "高速铁路运营里程")).toMatchObject({
      actual: "230.25",
      target: "600",
      completion: "26.1",
    });
    expect(expected(endOfDay(day1)).find((x) => x.name === "研发投入强度")!.completion).toBe("-22.2");
  });

  it.each([
    ["as of the first day", "day1"],
    ["live (the second day)", "day2"],
  ] as const)("%s: JSON, workbook, Word and PDF say the expected figures", async (_when, which) => {
    const asOf = which === "day1" ? day1 : day2;
    const want = expected(endOfDay(asOf));
    expect(want.length).toBe(4);
    const data = await report(asOf);

    const json = JSON.parse(renderJson(data).toString("utf8")) as ReportData;
    expect(json.indicators).toEqual(want);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(data)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("指标")!;
    const rows: ExcelJS.CellValue[][] = [];
    sheet.eachRow((r, n) => {
      const values = r.values as ExcelJS.CellValue[];
      if (n > 1) rows.push(Array.from({ length: 12 }, (_, i) => values[i + 1]));
    });
    const num = (v: string | null) => (v === null ? undefined : Number(v));
    expect(rows).toEqual(
      want.map((x) => [
        x.code,
        x.title,
        x.name,
        x.unit,
        num(x.baseline),
        num(x.target),
        x.targetYear,
        x.direction === "HIGHER" ? "越高越好" : "越低越好",
        x.headline ? "是" : "否",
        num(x.actual),
        x.observedOn === null ? undefined : new Date(`${x.observedOn}T00:00:00Z`),
        x.completion === null ? undefined : expect.closeTo(Number(x.completion) / 100, 12),
      ]),
    );

    const headline = want.filter((x) => x.headline);
    const tableRows = headlineTableRows(want);
    const docx = await readDocx(await renderDocx(data));
    expect(docx.paragraphs).toContain("关键指标完成情况");
    const header = docx.rows.findIndex((r) => r.join("|") === "事项|指标|目标值（年份）|最新实际值（截至）|完成度");
    expect(docx.rows.slice(header + 1, header + 1 + headline.length)).toEqual(tableRows);
    const pdf = (await readPdf(await renderPdf(data))).pages.join("");
    for (const row of tableRows) expect(pdf).toContain(squash(row.join("")));
  });

  it("a pillar's report holds only its own items' indicators", async () => {
    const data = await report(day2, { kind: "pillar", pillarNumber: 2 });
    const second = new Set(written.filter((w) => w.item.pillar === 2).map((w) => w.item.code));
    expect(data.indicators).toEqual(expected(endOfDay(day2)).filter((x) => second.has(x.code)));
    expect(data.indicators.length).toBe(1);
  });

  it("the dashboard's compare reads the same indicators as they stood on the compare day", async () => {
    const ids = written.map((w) => w.id);
    const then = await queryIndicatorsAt(t.db, endOfDay(day1), { indicatorIds: ids });
    expect(then.map((x) => [x.name, x.latest?.actual ?? null, x.target, x.headline])).toEqual(
      expected(endOfDay(day1)).map((x) => [x.name, x.actual, x.target, x.headline]),
    );
  });

  it("the open API's item carries its indicators, live and as of the first day, as the document says", async () => {
    setClock(after);
    const tokens = await import("@/lib/writes/api-tokens");
    const { token } = await t.db.$transaction((tx) =>
      tokens.createApiToken(tx, admin, { name: "指标", scope: "READ", expiresInDays: 30 }, after),
    );
    const code = written[0]!.item.code;
    for (const [query, before] of [
      ["", endOfDay(day2)],
      [`?asOf=${day1}`, endOfDay(day1)],
    ] as const) {
      const answer = await callApi("GET", `/api/v1/items/${code}${query}`, { token });
      expect(answer.status).toBe(200);
      const body = answer.json as { indicators: unknown[] };
      expect(body.indicators).toEqual(
        expected(before)
          .filter((x) => x.code === code)
          .map((x) => ({
            id: expect.any(Number),
            ...indicatorFields(x),
            latest: x.actual === null ? null : { observedOn: x.observedOn, actual: x.actual },
            completion: x.completion,
          })),
      );
    }
  });

  it("the live workbook, 指标 sheet and all, re-imports with nothing to change and no warning", async () => {
    setClock(after);
    const data = await report(todayInChina(after));
    expect(data.indicators.length).toBeGreaterThan(0);
    const bytes = await renderXlsx(data);
    signIn(admin);
    const actions = await import("@/lib/actions/import");
    const result = (await actions.previewImport(null, fileForm(bytes, "report.xlsx"))) as {
      ok: boolean;
      data?: { plan: ImportPlan };
    };
    expect(result.ok, JSON.stringify(result).slice(0, 500)).toBe(true);
    const plan = result.data!.plan;
    expect(plan.errors).toEqual([]);
    expect(plan.counts.changed).toBe(0);
    expect(plan.rows.flatMap((r) => r.warnings)).toEqual([]);
  });
});
