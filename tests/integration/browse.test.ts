// The items list query (lib/queries/items-list.ts) against the seeded sample data: every filter is checked
// against an independent SQL query written here over the live tables (or item_history for an as-of day).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endOfDay, todayInChina } from "../../lib/dates";
import { likePattern, queryItems } from "../../lib/queries/items-list";
import { parseBrowseParams, type BrowseQuery } from "../../lib/validations/browse";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

describe("items list query", () => {
  let t: TestDatabase;
  let client: pg.Client;
  const today = todayInChina();
  const live = { before: null, day: today };
  const sql = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
    (await client.query<T>(text, params)).rows;
  const codes = async (text: string, params: unknown[] = []) =>
    (await sql<{ code: string }>(text, params)).map((r) => r.code).sort();
  const base: BrowseQuery = { sort: "code", dir: "asc", page: 1, size: 100 };
  /** every matching code, all pages */
  const listCodes = async (filters: Partial<BrowseQuery>, moment: { before: Date | null; day: string } = live) => {
    const out: string[] = [];
    for (let page = 1; ; page++) {
      const r = await queryItems(t.db, { ...base, ...filters, page }, moment);
      out.push(...r.rows.map((x) => x.code));
      if (page * base.size >= r.total) {
        expect(out.length).toBe(r.total);
        return out.sort();
      }
    }
  };

  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
    client = new pg.Client({ connectionString: t.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await t.drop();
  });

  it("lists every live item with no filter", async () => {
    expect(await listCodes({})).toEqual(await codes(`SELECT code FROM items WHERE retired_at IS NULL`));
  });

  it("filters by pillar, status, confidence and level", async () => {
    const [row] = await sql<{ number: number; status: string; confidence: string }>(
      `SELECT p.number, i.status::text, i.confidence::text FROM items i JOIN pillars p ON p.id = i.pillar_id
        WHERE i.level = 'ACTION' AND i.confidence IS NOT NULL AND i.status = 'IN_PROGRESS' ORDER BY i.id LIMIT 1`,
    );
    expect(row).toBeDefined();
    const expected = await codes(
      `SELECT i.code FROM items i JOIN pillars p ON p.id = i.pillar_id
        WHERE i.retired_at IS NULL AND p.number = $1 AND i.status::text = $2 AND i.confidence::text = $3 AND i.level = 'ACTION'`,
      [row!.number, row!.status, row!.confidence],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(
      await listCodes({
        pillar: row!.number,
        status: row!.status as BrowseQuery["status"],
        confidence: row!.confidence as BrowseQuery["confidence"],
        level: "ACTION",
      }),
    ).toEqual(expected);
  });

  it("filters by lead unit (lead or co-lead) and by side", async () => {
    const [unit] = await sql<{ id: number }>(
      `SELECT co_lead_unit_id AS id FROM items WHERE co_lead_unit_id IS NOT NULL GROUP BY co_lead_unit_id ORDER BY count(*) DESC LIMIT 1`,
    );
    const expected = await codes(
      `SELECT code FROM items WHERE retired_at IS NULL AND (lead_unit_id = $1 OR co_lead_unit_id = $1)`,
      [unit!.id],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await listCodes({ unit: unit!.id })).toEqual(expected);

    for (const side of ["SICHUAN", "CHONGQING", "JOINT"] as const) {
      const bySide = await codes(
        `SELECT i.code FROM items i JOIN units l ON l.id = i.lead_unit_id LEFT JOIN units c ON c.id = i.co_lead_unit_id
          WHERE i.retired_at IS NULL
            AND (CASE WHEN l.side = 'JOINT' OR (c.id IS NOT NULL AND c.side <> l.side) THEN 'JOINT' ELSE l.side::text END) = $1`,
        [side],
      );
      expect(bySide.length, side).toBeGreaterThan(0);
      expect(await listCodes({ side }), side).toEqual(bySide);
    }
  });

  it("filters by region and by conference number", async () => {
    const [region] = await sql<{ id: number }>(
      `SELECT region_id AS id FROM item_regions GROUP BY region_id ORDER BY count(*) DESC LIMIT 1`,
    );
    expect(await listCodes({ region: region!.id })).toEqual(
      await codes(
        `SELECT i.code FROM items i JOIN item_regions r ON r.item_id = i.id WHERE i.retired_at IS NULL AND r.region_id = $1`,
        [region!.id],
      ),
    );
    const [conf] = await sql<{ number: number }>(
      `SELECT c.number FROM item_conferences ic JOIN conferences c ON c.id = ic.conference_id GROUP BY c.number ORDER BY count(*) DESC LIMIT 1`,
    );
    const expected = await codes(
      `SELECT i.code FROM items i JOIN item_conferences ic ON ic.item_id = i.id JOIN conferences c ON c.id = ic.conference_id
        WHERE i.retired_at IS NULL AND c.number = $1`,
      [conf!.number],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await listCodes({ conference: conf!.number })).toEqual(expected);
  });

  it("filters overdue and stale items as judged today", async () => {
    const overdue = await codes(
      `SELECT code FROM items WHERE retired_at IS NULL AND status NOT IN ('COMPLETED','CANCELLED') AND due_date < $1::date`,
      [today],
    );
    expect(overdue.length).toBeGreaterThan(0);
    expect(await listCodes({ overdue: true })).toEqual(overdue);
    const stale = await codes(
      `SELECT code FROM items WHERE retired_at IS NULL AND status NOT IN ('COMPLETED','CANCELLED')
          AND (last_update_at IS NULL OR last_update_at < $1::timestamptz - interval '30 days')
          AND NOT EXISTS (SELECT 1 FROM items c WHERE c.parent_id = items.id AND c.retired_at IS NULL AND c.status <> 'CANCELLED')`,
      [endOfDay(today)],
    );
    expect(stale.length).toBeGreaterThan(0);
    expect(await listCodes({ stale: true })).toEqual(stale);
  });

  it("filters open items, items needing attention, items with no confidence, and a unit's own lead items", async () => {
    const OPEN = `retired_at IS NULL AND status NOT IN ('COMPLETED','CANCELLED')`;
    const open = await codes(`SELECT code FROM items WHERE ${OPEN}`);
    expect(open.length).toBeGreaterThan(0);
    expect(await listCodes({ open: true })).toEqual(open);
    // The dashboard's 逾期与滞后事项: overdue, or open and off track (red).
    const attention = await codes(
      `SELECT code FROM items WHERE ${OPEN} AND (due_date < $1::date OR confidence = 'RED')`,
      [today],
    );
    expect(attention.length).toBeGreaterThan(
      (await codes(`SELECT code FROM items WHERE ${OPEN} AND due_date < $1::date`, [today])).length,
    );
    expect(await listCodes({ attention: true })).toEqual(attention);
    expect(await listCodes({ confidence: "NONE" })).toEqual(
      await codes(`SELECT code FROM items WHERE retired_at IS NULL AND confidence IS NULL`),
    );
    const [unit] = await sql<{ id: number }>(
      `SELECT co_lead_unit_id AS id FROM items WHERE co_lead_unit_id IS NOT NULL GROUP BY co_lead_unit_id ORDER BY count(*) DESC LIMIT 1`,
    );
    const led = await codes(`SELECT code FROM items WHERE retired_at IS NULL AND lead_unit_id = $1`, [unit!.id]);
    expect(await listCodes({ unit: unit!.id, leadOnly: true })).toEqual(led);
    expect((await listCodes({ unit: unit!.id })).length).toBeGreaterThan(led.length);
  });

  it("searches titles and source excerpts, treating wildcards and quotes as plain text", async () => {
    const [word] = await sql<{ w: string }>(
      `SELECT substr(source_excerpt, 3, 2) AS w FROM items WHERE level = 'ACTION' ORDER BY id LIMIT 1`,
    );
    const expected = await codes(
      `SELECT code FROM items WHERE retired_at IS NULL AND (strpos(title, $1) > 0 OR strpos(coalesce(title_en, ''), $1) > 0 OR strpos(source_excerpt, $1) > 0)`,
      [word!.w],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await listCodes({ q: word!.w })).toEqual(expected);
    for (const q of ["%", "_", "\\", "%%", "' OR 1=1 --", "'; DROP TABLE items; --", "\\%"]) {
      const literal = await codes(
        `SELECT code FROM items WHERE retired_at IS NULL AND (strpos(lower(title), lower($1)) > 0 OR strpos(lower(coalesce(title_en, '')), lower($1)) > 0 OR strpos(lower(source_excerpt), lower($1)) > 0)`,
        [q],
      );
      expect(await listCodes({ q }), q).toEqual(literal);
    }
    expect(await sql(`SELECT 1 FROM items LIMIT 1`)).toHaveLength(1);
    expect(likePattern("50%_a\\")).toBe("%50\\%\\_a\\\\%");
  });

  it("sorts by every key in both directions and pages without overlap", async () => {
    for (const sort of ["code", "due", "progress", "updated", "lead"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const first = await queryItems(t.db, { ...base, size: 10, sort, dir, page: 1 }, live);
        const second = await queryItems(t.db, { ...base, size: 10, sort, dir, page: 2 }, live);
        expect(first.rows).toHaveLength(10);
        expect(second.rows.map((r) => r.code).filter((c) => first.rows.some((r) => r.code === c))).toEqual([]);
        if (sort === "due") {
          const days = first.rows.map((r) => r.dueDate?.getTime()).filter((d): d is number => d !== undefined);
          expect(days).toEqual([...days].sort((a, b) => (dir === "asc" ? a - b : b - a)));
        }
      }
    }
    const byDue = await sql<{ code: string }>(
      `SELECT code FROM items WHERE retired_at IS NULL ORDER BY due_date ASC NULLS LAST, string_to_array(code, '.')::int[] LIMIT 10`,
    );
    expect((await queryItems(t.db, { ...base, size: 10, sort: "due" }, live)).rows.map((r) => r.code)).toEqual(
      byDue.map((r) => r.code),
    );
  });

  it("answers a page past the end with the last page", async () => {
    const r = await queryItems(t.db, { ...base, size: 50, page: 9999 }, live);
    expect(r.page).toBe(Math.ceil(r.total / 50));
    expect(r.rows.length).toBeGreaterThan(0);
  });

  it("reads the state as of a past day from history, and compares two days", async () => {
    // An item whose status changed: as of the day before that change it had the old status.
    const [change] = await sql<{ code: string; changed_at: Date; old_status: string; new_status: string }>(
      `SELECT i.code, h.changed_at, p.status::text AS old_status, h.status::text AS new_status
         FROM item_history h JOIN item_history p ON p.item_id = h.item_id AND p.version = h.version - 1 JOIN items i ON i.id = h.item_id
        WHERE h.status <> p.status AND h.changed_at < now() - interval '3 days' ORDER BY h.changed_at DESC LIMIT 1`,
    );
    expect(change).toBeDefined();
    const dayBefore = todayInChina(new Date(change!.changed_at.getTime() - 86_400_000));
    const dayAfter = todayInChina(new Date(change!.changed_at.getTime() + 86_400_000));
    const asOfBefore = endOfDay(dayBefore);
    const expected = await codes(
      `SELECT DISTINCT ON (item_id) snapshot->>'code' AS code, status::text AS status, retired FROM item_history
        WHERE changed_at < $1 ORDER BY item_id, version DESC`,
      [asOfBefore],
    );
    const statusThen = await sql<{ code: string }>(
      `SELECT code FROM (SELECT DISTINCT ON (item_id) snapshot->>'code' AS code, status::text AS status, retired FROM item_history
        WHERE changed_at < $1 ORDER BY item_id, version DESC) x WHERE NOT retired AND status = $2`,
      [asOfBefore, change!.old_status],
    );
    expect(expected.length).toBeGreaterThan(0);
    const then = await listCodes(
      { status: change!.old_status as BrowseQuery["status"] },
      { before: asOfBefore, day: dayBefore },
    );
    expect(then).toEqual(statusThen.map((r) => r.code).sort());
    expect(then).toContain(change!.code);

    const compared = await queryItems(
      t.db,
      { ...base, q: undefined, size: 100 },
      { before: endOfDay(dayAfter), day: dayAfter, compareBefore: asOfBefore, compareDay: dayBefore },
    );
    let row = compared.rows.find((r) => r.code === change!.code);
    for (let page = 2; !row && (page - 1) * 100 < compared.total; page++) {
      row = (
        await queryItems(
          t.db,
          { ...base, page },
          { before: endOfDay(dayAfter), day: dayAfter, compareBefore: asOfBefore, compareDay: dayBefore },
        )
      ).rows.find((r) => r.code === change!.code);
    }
    expect(row).toBeDefined();
    expect(row!.compareStatus).toBe(change!.old_status);
  });

  it("rejects invalid parameters one by one, keeping the valid ones", () => {
    const { query, issues } = parseBrowseParams({
      pillar: "abc",
      status: "DONE",
      confidence: "GREEN",
      unit: "-3",
      overdue: "maybe",
      q: "x".repeat(500),
      sort: "title; DROP",
      dir: "up",
      page: "0",
      size: "100000",
      region: "7",
    });
    expect(query).toEqual({ sort: "code", dir: "asc", page: 1, size: 25, confidence: "GREEN", region: 7 });
    expect(issues.map((i) => i.param).sort()).toEqual([
      "dir",
      "overdue",
      "page",
      "pillar",
      "q",
      "size",
      "sort",
      "status",
      "unit",
    ]);
    expect(parseBrowseParams({ stale: "1", q: "  港 ", page: ["3", "4"] }).query).toMatchObject({
      stale: true,
      q: "港",
      page: 3,
    });
  });
});
