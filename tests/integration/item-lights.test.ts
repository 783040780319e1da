// Item lights (红黄灯) in lists: the items list reads each row's light in SQL from one date bound (amberUntil of
// the day, from the calendar and the chase's reminder days), so moving the clock across an item's amber and
// due days changes its light; the light filter and the dashboard's counts agree with an independent query.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetClock, setClock } from "../../lib/clock";
import { addDays, todayInChina } from "../../lib/dates";
import { amberFrom } from "../../lib/item-light";
import { queryAmberUntil } from "../../lib/queries/chase-calendar";
import { queryItemLightCounts } from "../../lib/queries/item-lights";
import { queryItems } from "../../lib/queries/items-list";
import type { BrowseQuery } from "../../lib/validations/browse";
import { WorkCalendar } from "../../lib/workdays";
import { seed } from "../../prisma/seed/run";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

/** Noon in China on `day`. */
const noonInChina = (day: string) => new Date(`${day}T12:00:00+08:00`);

describe("item lights in lists", () => {
  let t: TestDatabase;
  let client: pg.Client;
  const base: BrowseQuery = { sort: "code", dir: "asc", page: 1, size: 100 };
  const sql = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
    (await client.query<T>(text, params)).rows;

  /** The list as the page asks for it on the clock's day: the bound first, then the query. */
  const listToday = async (filters: Partial<BrowseQuery>) => {
    const day = todayInChina();
    const amberLast = await queryAmberUntil(t.db, day);
    const out: { code: string; light: string | null }[] = [];
    for (let page = 1; ; page++) {
      const r = await queryItems(t.db, { ...base, ...filters, page }, { before: null, day, amberLast });
      out.push(...r.rows.map((x) => ({ code: x.code, light: x.light })));
      if (page * base.size >= r.total) return out;
    }
  };
  const lightOf = async (code: string) => (await listToday({})).find((r) => r.code === code)?.light;

  let item: { code: string; due: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    await seed(t.db, { sample: true });
    client = new pg.Client({ connectionString: t.url });
    await client.connect();
    // An open action item whose due date is a working day in a year the calendar knows.
    const [row] = await sql<{ code: string; due: string }>(
      `SELECT code, to_char(due_date, 'YYYY-MM-DD') AS due FROM items
        WHERE level = 'ACTION' AND retired_at IS NULL AND status NOT IN ('COMPLETED', 'CANCELLED')
          AND due_date IS NOT NULL AND extract(isodow FROM due_date) < 6
        ORDER BY due_date, id LIMIT 1`,
    );
    expect(row).toBeDefined();
    item = row!;
  });
  afterEach(() => resetClock());
  afterAll(async () => {
    resetClock();
    await client?.end();
    await t.drop();
  });

  it("turns an item green → amber → red as the clock moves to its amber day and past its due date", async () => {
    const cal = new WorkCalendar();
    const from = amberFrom(item.due, cal, 3);
    setClock(noonInChina(addDays(from, -1)));
    expect(await lightOf(item.code)).toBe("GREEN");
    setClock(noonInChina(from));
    expect(await lightOf(item.code)).toBe("AMBER");
    setClock(noonInChina(item.due));
    expect(await lightOf(item.code)).toBe("AMBER");
    setClock(noonInChina(addDays(item.due, 1)));
    expect(await lightOf(item.code)).toBe("RED");
  });

  it("follows the chase's reminder days and the administrators' calendar entries", async () => {
    const cal = new WorkCalendar();
    await sql(`UPDATE chase_settings SET reminder_workdays = 5 WHERE id = 1`);
    try {
      const from5 = amberFrom(item.due, cal, 5);
      setClock(noonInChina(from5));
      expect(await lightOf(item.code)).toBe("AMBER");
      setClock(noonInChina(addDays(from5, -1)));
      expect(await lightOf(item.code)).toBe("GREEN");
    } finally {
      await sql(`UPDATE chase_settings SET reminder_workdays = 3 WHERE id = 1`);
    }
    // Declaring the working day before the due date a day off pulls amber one working day earlier.
    const before = cal.addWorkdays(item.due, -1);
    const earlier = cal.addWorkdays(amberFrom(item.due, cal, 3), -1);
    setClock(noonInChina(earlier));
    expect(await lightOf(item.code)).toBe("GREEN");
    await sql(`INSERT INTO calendar_days (day, workday, name, updated_at) VALUES ($1, false, '示例', now())`, [before]);
    try {
      expect(await lightOf(item.code)).toBe("AMBER");
    } finally {
      await sql(`DELETE FROM calendar_days WHERE day = $1`, [before]);
    }
  });

  it("filters by light exactly as an independent query over the items, and the dashboard counts the same", async () => {
    setClock(noonInChina(amberFrom(item.due, new WorkCalendar(), 3)));
    const day = todayInChina();
    const amberLast = await queryAmberUntil(t.db, day);
    expect(amberLast >= item.due).toBe(true);
    const expected = async (where: string) =>
      (
        await sql<{ code: string }>(
          `SELECT code FROM items WHERE retired_at IS NULL AND status NOT IN ('COMPLETED', 'CANCELLED')
             AND due_date IS NOT NULL AND ${where}`,
          [day, amberLast],
        )
      )
        .map((r) => r.code)
        .sort();
    const listed = async (light: "RED" | "AMBER" | "GREEN") => (await listToday({ light })).map((r) => r.code).sort();
    const red = await expected(`due_date < $1::date AND $2::text IS NOT NULL`);
    const amber = await expected(`due_date >= $1::date AND due_date <= $2::date`);
    const green = await expected(`due_date > $2::date AND $1::text IS NOT NULL`);
    expect(amber).toContain(item.code);
    expect(await listed("RED")).toEqual(red);
    expect(await listed("AMBER")).toEqual(amber);
    expect(await listed("GREEN")).toEqual(green);
    for (const r of await listToday({ light: "AMBER" })) expect(r.light).toBe("AMBER");

    const counts = await queryItemLightCounts(t.db, { before: null, day, amberLast });
    for (const p of counts) {
      const n = async (light: "RED" | "AMBER" | "GREEN") =>
        (await listToday({ pillar: p.number, level: "ACTION", light })).length;
      expect([p.red, p.amber, p.green], `pillar ${p.number}`).toEqual([
        await n("RED"),
        await n("AMBER"),
        await n("GREEN"),
      ]);
    }
    expect(counts.reduce((s, p) => s + p.amber, 0)).toBeGreaterThan(0);
  });

  it("refuses the light filter without its date bound instead of guessing", async () => {
    await expect(queryItems(t.db, { ...base, light: "AMBER" }, { before: null, day: todayInChina() })).rejects.toThrow(
      /amberLast/,
    );
  });
});
