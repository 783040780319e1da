// The /investment page's read (lib/data/investment.ts) against SQL written here, independent of
// lib/queries/investment.ts: the items' rows and year rows live, each item's latest history snapshot for a past
// moment, grouped by plain GROUP BY. Every dimension's rows, the totals, the sides' shares, the compare (per row
// and in the totals) and the month points must equal it to the cent, live and as of a past moment. The query
// module itself is checked against JavaScript in investment-rollup.test.ts; this file checks what the page is
// given. Then the read's own parts: the year and dimension parameters (bad values reported, defaults shown) and
// the permission (the dashboard's; a signed-out reader is sent to sign in).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { now as clockNow, resetClock, setClock } from "@/lib/clock";
import { todayInChina } from "@/lib/dates";
import { fromCents, toCents } from "@/lib/money";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { sampleAccount, type TestAccount } from "../support/actors";
import { investmentRounds, rng } from "../support/investment-figures";
import { interruptOf } from "../support/next-interrupts";
import { signIn, signOut } from "../support/session";

vi.mock("next/navigation", async () => (await import("../support/next-interrupts")).navigationInterrupts);
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-tracker-path": "/investment?year=2026" }),
  cookies: async () => ({ get: () => undefined }),
}));

const data = await import("../../lib/data/investment");

const DAY = 86_400_000;
const DIMENSIONS = ["pillar", "recommendation", "unit", "side", "region"] as const;
type Dimension = (typeof DIMENSIONS)[number];

let t: TestDatabase;
let admin: TestAccount;
const t1 = new Date(Date.now() + 1 * DAY);
const t2 = new Date(Date.now() + 2 * DAY);
/** between the two rounds of figures: the "as of" and the comparison moment */
const past = new Date(Date.now() + 1.5 * DAY);
/** the clock while reading: after both rounds */
const reading = new Date(Date.now() + 3 * DAY);
const year = Number(todayInChina(reading).slice(0, 4));

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  admin = await sampleAccount(t.db, { role: "ADMIN" });
  // Two rounds a day apart: the first gives figures to about half the items, the second changes a quarter
  // (raises, lowers, removes a figure, adds new items), so the past differs from live in every dimension.
  await investmentRounds(t.db, admin, {
    year,
    rounds: [
      [t1, 0.5],
      [t2, 0.25],
    ],
    r: rng(16, 1103515245, 12345),
    maxDigits: 10,
  });
}, 300_000);
afterEach(() => {
  resetClock();
  signOut();
});
afterAll(async () => t?.drop());

/**
 * The counted items at a moment, written here: live from items and item_investment_years; past from each
 * item's latest item_history row before the moment (DISTINCT ON), not retired then. Columns: the group keys
 * of every dimension and the figures.
 */
function countedSql(before: Date | null): { text: string; params: unknown[] } {
  const side = `CASE WHEN lu.side = 'JOINT' OR (cu.id IS NOT NULL AND cu.side <> lu.side) THEN 'JOINT' ELSE lu.side::text END`;
  if (before === null)
    return {
      text: `SELECT p.number::text AS pillar, par.code AS recommendation, i.lead_unit_id::text AS unit, ${side} AS side,
                    ARRAY(SELECT ir.region_id FROM item_regions ir WHERE ir.item_id = i.id) AS regions,
                    i.total_investment AS total, i.sichuan_share AS sc, i.chongqing_share AS cq, y.planned, y.completed
               FROM items i
               JOIN pillars p ON p.id = i.pillar_id
               LEFT JOIN items par ON par.id = i.parent_id
               LEFT JOIN units lu ON lu.id = i.lead_unit_id
               LEFT JOIN units cu ON cu.id = i.co_lead_unit_id
               LEFT JOIN item_investment_years y ON y.item_id = i.id AND y.year = $1
              WHERE i.level = 'ACTION' AND i.retired_at IS NULL`,
      params: [year],
    };
  return {
    text: `WITH latest AS (
             SELECT DISTINCT ON (h.item_id) h.item_id, h.snapshot, h.retired
               FROM item_history h WHERE h.changed_at < $2
              ORDER BY h.item_id, h.changed_at DESC, h.version DESC
           ), snap AS (
             SELECT l.item_id, l.snapshot AS s FROM latest l JOIN items i ON i.id = l.item_id
              WHERE NOT l.retired AND i.level = 'ACTION'
           )
           SELECT p.number::text AS pillar, par.code AS recommendation, lu.id::text AS unit, ${side} AS side,
                  ARRAY(SELECT jsonb_array_elements_text(x.s->'regionIds')::int) AS regions,
                  (x.s->>'totalInvestment')::numeric AS total, (x.s->>'sichuanShare')::numeric AS sc,
                  (x.s->>'chongqingShare')::numeric AS cq,
                  (SELECT (e->>'planned')::numeric FROM jsonb_array_elements(x.s->'investmentYears') e WHERE (e->>'year')::int = $1) AS planned,
                  (SELECT (e->>'completed')::numeric FROM jsonb_array_elements(x.s->'investmentYears') e WHERE (e->>'year')::int = $1) AS completed
             FROM snap x
             JOIN pillars p ON p.id = (x.s->>'pillarId')::int
             LEFT JOIN items par ON par.id = (x.s->>'parentId')::int
             LEFT JOIN units lu ON lu.id = (x.s->>'leadUnitId')::int
             LEFT JOIN units cu ON cu.id = (x.s->>'coLeadUnitId')::int`,
    params: [year, before],
  };
}

interface Sums {
  key: string | null;
  items: number;
  total: string;
  planned: string;
  completed: string;
  rate: string | null;
}

const SUMS = `count(*) FILTER (WHERE c.total IS NOT NULL OR c.planned IS NOT NULL OR c.completed IS NOT NULL)::int AS items,
              coalesce(sum(c.total), 0)::numeric(20, 2)::text AS total,
              coalesce(sum(c.planned), 0)::numeric(20, 2)::text AS planned,
              coalesce(sum(c.completed), 0)::numeric(20, 2)::text AS completed,
              CASE WHEN sum(c.planned) > 0 THEN round(coalesce(sum(c.completed), 0) * 100 / sum(c.planned), 1)::text END AS rate`;

/** Each group's sums at the moment, keyed as the page's rows are; groups without any figure left out. */
async function groups(before: Date | null, by: Dimension): Promise<Map<string | null, Sums>> {
  const { text, params } = countedSql(before);
  const key = by === "region" ? "rid::text" : `c.${by}`;
  const from = by === "region" ? `(${text}) c CROSS JOIN LATERAL unnest(c.regions) rid` : `(${text}) c`;
  const rows = await t.db.$queryRawUnsafe<Sums[]>(
    `SELECT ${key} AS key, ${SUMS} FROM ${from} GROUP BY ${key}
      HAVING count(*) FILTER (WHERE c.total IS NOT NULL OR c.planned IS NOT NULL OR c.completed IS NOT NULL) > 0`,
    ...params,
  );
  return new Map(rows.map((r) => [r.key, r]));
}

async function totals(before: Date | null): Promise<Omit<Sums, "key">> {
  const { text, params } = countedSql(before);
  const [row] = await t.db.$queryRawUnsafe<Sums[]>(`SELECT ${SUMS} FROM (${text}) c`, ...params);
  const { key: _key, ...rest } = row!;
  return rest;
}

async function shares(before: Date | null): Promise<{ sichuan: string; chongqing: string; unsplit: string }> {
  const { text, params } = countedSql(before);
  const [row] = await t.db.$queryRawUnsafe<{ sichuan: string; chongqing: string; unsplit: string }[]>(
    `SELECT coalesce(sum(CASE WHEN c.side = 'SICHUAN' THEN c.total ELSE c.sc END), 0)::numeric(20, 2)::text AS sichuan,
            coalesce(sum(CASE WHEN c.side = 'CHONGQING' THEN c.total ELSE c.cq END), 0)::numeric(20, 2)::text AS chongqing,
            coalesce(sum(c.total) FILTER (WHERE c.side IS DISTINCT FROM 'SICHUAN' AND c.side IS DISTINCT FROM 'CHONGQING'
                                            AND c.sc IS NULL), 0)::numeric(20, 2)::text AS unsplit
       FROM (${text}) c`,
    ...params,
  );
  return row!;
}

const live = { before: null, compareBefore: past, compare: "the past moment", day: todayInChina(reading) };
const asOfPast = { before: past, compareBefore: null, compare: null, day: todayInChina(past) };

async function asReader(role: "ADMIN" | "EDITOR" | "VIEWER" | "COORDINATOR" = "VIEWER") {
  signIn(await sampleAccount(t.db, { role }));
}

describe("the investment page's read", () => {
  for (const by of DIMENSIONS) {
    it(`by ${by}: every row live and as of a past moment, and each row's change since, equal SQL to the cent`, async () => {
      setClock(reading);
      await asReader();
      const [now, then, sqlNow, sqlThen] = await Promise.all([
        data.getInvestmentView({ year: String(year), by }, live),
        data.getInvestmentView({ year: String(year), by }, asOfPast),
        groups(null, by),
        groups(past, by),
      ]);
      expect(now.issues).toEqual([]);
      expect(now.by).toBe(by);
      for (const [view, expected] of [
        [now, sqlNow],
        [then, sqlThen],
      ] as const) {
        expect(view.rows.length).toBeGreaterThan(0);
        const got = new Map(
          view.rows.map((r) => [
            r.key,
            { key: r.key, items: r.items, total: r.total, planned: r.planned, completed: r.completed, rate: r.rate },
          ]),
        );
        expect(got).toEqual(expected);
      }
      // the past differs from live somewhere, or the comparison would prove nothing
      expect(then.rows.map((r) => r.completed)).not.toEqual(now.rows.map((r) => r.completed));
      for (const row of now.rows) {
        const before = sqlThen.get(row.key)?.completed ?? "0";
        expect(row.completedDelta, `${by} ${row.key}`).toBe(fromCents(toCents(row.completed) - toCents(before)));
      }
      expect(then.rows.every((r) => r.completedDelta === null)).toBe(true);
    });
  }

  it("the totals, the sides' shares and the compare equal SQL, live and as of a past moment", async () => {
    setClock(reading);
    await asReader("EDITOR");
    const [now, then] = await Promise.all([
      data.getInvestmentView({ year: String(year) }, live),
      data.getInvestmentView({ year: String(year) }, asOfPast),
    ]);
    const [sqlNow, sqlThen, sharesNow, sharesThen] = await Promise.all([
      totals(null),
      totals(past),
      shares(null),
      shares(past),
    ]);
    expect(now.totals).toEqual(sqlNow);
    expect(then.totals).toEqual(sqlThen);
    expect(now.shares).toEqual(sharesNow);
    expect(then.shares).toEqual(sharesThen);
    expect(now.change).toEqual({
      plannedDelta: fromCents(toCents(sqlNow.planned) - toCents(sqlThen.planned)),
      completedDelta: fromCents(toCents(sqlNow.completed) - toCents(sqlThen.completed)),
    });
    expect(then.change).toBeNull();
    // the dashboard's card shows the same totals
    expect((await data.getInvestmentSummary({ before: null, day: live.day })).totals).toEqual(now.totals);
  });

  it("each month's point is the year's 完成投资 as it stood at the month's end (China time), the last one now", async () => {
    setClock(reading);
    await asReader();
    const view = await data.getInvestmentView({ year: String(year) }, live);
    const month = Number(todayInChina(reading).slice(5, 7));
    expect(view.months.map((m) => m.month)).toEqual(Array.from({ length: month }, (_, i) => i + 1));
    for (const point of view.months) {
      const [end] = await t.db.$queryRawUnsafe<{ at: Date }[]>(
        `SELECT (make_timestamp($1, $2, 1, 0, 0, 0) + interval '1 month') AT TIME ZONE 'Asia/Shanghai' AS at`,
        year,
        point.month,
      );
      const moment = point.month === month ? clockNow() : end!.at;
      expect(point.completed, `month ${point.month}`).toBe((await totals(moment)).completed);
    }
    expect(view.months.at(-1)!.completed).toBe(view.totals.completed);
  });
});

describe("the read's parameters", () => {
  const selection = { before: null, compareBefore: null, compare: null, day: "2026-07-15" };

  it("defaults to the year of the day it describes and to the roll-up by pillar", async () => {
    await asReader();
    const view = await data.getInvestmentView({}, selection);
    expect({ year: view.year, by: view.by, issues: view.issues }).toEqual({ year: 2026, by: "pillar", issues: [] });
    expect((await data.getInvestmentView({}, { ...selection, day: "2024-03-01" })).year).toBe(2024);
  });

  it.each([
    ["abc", "investment.validation.year"],
    ["1999", "investment.validation.year"],
    ["2101", "investment.validation.year"],
    ["1e3", "investment.validation.year"],
    ["2026.0", "investment.validation.year"],
    ["-2026", "investment.validation.year"],
    ["20260", "investment.validation.year"],
  ])("a year of %j is reported and the default year shown", async (raw, message) => {
    await asReader();
    const view = await data.getInvestmentView({ year: raw, by: "side" }, selection);
    expect(view.year).toBe(2026);
    expect(view.by).toBe("side");
    expect(view.issues).toEqual([{ param: "year", value: raw, message }]);
  });

  it("an unknown dimension is reported and the roll-up by pillar shown; a good one is taken; a repeated one reads the first", async () => {
    await asReader();
    const bad = await data.getInvestmentView({ by: "district'; DROP TABLE items; --", year: "2030" }, selection);
    expect(bad.by).toBe("pillar");
    expect(bad.year).toBe(2030);
    expect(bad.issues).toEqual([
      { param: "by", value: "district'; DROP TABLE items; --", message: "validation.invalidChoice" },
    ]);
    const good = await data.getInvestmentView({ by: ["region", "unit"], year: [" 2031 ", "x"] }, selection);
    expect({ by: good.by, year: good.year, issues: good.issues }).toEqual({ by: "region", year: 2031, issues: [] });
    // a year nobody planned for, not yet begun: no plan, nothing done, no month — a view, not an error
    expect({ planned: good.totals.planned, completed: good.totals.completed, rate: good.totals.rate }).toEqual({
      planned: "0.00",
      completed: "0.00",
      rate: null,
    });
    expect(good.months).toEqual([]);
  });

  it("a very long bad value is shown shortened", async () => {
    await asReader();
    const view = await data.getInvestmentView({ by: "x".repeat(5000) }, selection);
    expect(view.issues[0]!.value).toBe("x".repeat(40));
  });
});

describe("who may read it", () => {
  const selection = { before: null, compareBefore: null, compare: null, day: "2026-07-15" };

  it("every role that reads the dashboard reads it", async () => {
    for (const role of ["ADMIN", "EDITOR", "VIEWER", "COORDINATOR"] as const) {
      await asReader(role);
      expect(await interruptOf(data.getInvestmentView({}, selection)), role).toBe("ok");
      expect(await interruptOf(data.getInvestmentSummary(selection)), role).toBe("ok");
    }
  });

  it("a signed-out reader, or one whose account was disabled, is sent to sign in and given no figures", async () => {
    signOut();
    const login = `/login?callbackUrl=${encodeURIComponent("/investment?year=2026")}`;
    expect(await interruptOf(data.getInvestmentView({}, selection))).toBe(login);
    expect(await interruptOf(data.getInvestmentSummary(selection))).toBe(login);
    const viewer = await sampleAccount(t.db, { role: "VIEWER" });
    signIn(viewer);
    await t.db.user.update({ where: { id: viewer.id }, data: { disabled: true } });
    try {
      expect(await interruptOf(data.getInvestmentView({}, selection))).toBe(login);
    } finally {
      await t.db.user.update({ where: { id: viewer.id }, data: { disabled: false } });
    }
  });
});
