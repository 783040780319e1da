// The SQL roll-up (used by the dashboard and every aggregate) must give exactly what the pure rollUp() gives,
// live and as of past dates, on the sample data plus a deeper tree with cancelled and retired branches.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endOfDay, todayInChina } from "../../lib/dates";
import { changeItem, createItem } from "../../lib/writes/item-change";
import {
  overallProgress,
  pillarProgress,
  queryItemRollUp,
  queryPillarRollUp,
  rollUp,
  type RollUpRow,
} from "../../lib/queries/rollup";
import { Prisma } from "../../lib/generated/prisma/client";
import { browseStatesSql, queryItems } from "../../lib/queries/items-list";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { readItemStates, rollUpRowOf } from "../support/item-states";

describe("roll-up in SQL agrees with the pure roll-up", () => {
  let t: TestDatabase;

  const rowsAt = async (before: Date | null): Promise<RollUpRow[]> =>
    (await readItemStates(t.db, before)).map(rollUpRowOf);

  const daysAgo = (n: number) => {
    const d = new Date(`${todayInChina()}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - n);
    return endOfDay(d.toISOString().slice(0, 10));
  };

  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
    // A third level under one action: weighted children, one cancelled, one retired, one never reported.
    const action = await t.db.item.findFirstOrThrow({
      where: { level: "ACTION", parentId: { not: null } },
      orderBy: { code: "asc" },
    });
    const child = (
      suffix: string,
      fields: { progress?: number | null; weight?: number; status?: "IN_PROGRESS" | "CANCELLED" },
    ) =>
      t.db.$transaction((tx) =>
        createItem(
          tx,
          {
            code: `${action.code}.${suffix}`,
            pillarId: action.pillarId,
            parentId: action.id,
            level: "ACTION",
            title: `子事项 ${suffix}`,
            sourceExcerpt: "示例",
            ...fields,
          },
          {},
          { actorId: null },
        ),
      );
    await child("1", { progress: 90, weight: 3, status: "IN_PROGRESS" });
    await child("2", { progress: null, weight: 1 });
    await child("3", { progress: 0, weight: 5, status: "CANCELLED" });
    const retired = await child("4", { progress: 0, weight: 5, status: "IN_PROGRESS" });
    await t.db.$transaction((tx) =>
      changeItem(tx, retired, { action: "RETIRE", fields: { retiredAt: new Date() } }, { actorId: null }),
    );
  });
  afterAll(async () => t.drop());

  for (const [label, at] of [
    ["now", () => null],
    ["30 days ago", () => daysAgo(30)],
    ["180 days ago", () => daysAgo(180)],
    ["330 days ago", () => daysAgo(330)],
  ] as const) {
    it(`per item, per pillar and overall: ${label}`, async () => {
      const before = at();
      const rows = await rowsAt(before);
      expect(rows.length).toBeGreaterThan(0);
      const pure = rollUp(rows);
      const sql = await queryItemRollUp(t.db, before);
      expect(sql.size).toBe(pure.size);
      for (const [id, value] of pure) expect(sql.get(id), `item ${id}`).toBeCloseTo(value, 9);

      const { pillars, overall } = await queryPillarRollUp(t.db, before);
      const purePillars = pillarProgress(rows, pure);
      expect([...pillars.keys()].sort()).toEqual([...purePillars.keys()].sort());
      for (const [id, value] of purePillars) expect(pillars.get(id), `pillar ${id}`).toBeCloseTo(value, 9);
      expect(overall).toBeCloseTo(overallProgress(rows, pure)!, 9);
    });
  }

  it("the deeper tree is actually rolled up (the action takes its progress from its live children)", async () => {
    const action = await t.db.item.findFirstOrThrow({
      where: { level: "ACTION", parentId: { not: null }, children: { some: {} } },
    });
    const sql = await queryItemRollUp(t.db, null);
    // children 90 (weight 3) and null→0 (weight 1); the cancelled and retired ones are left out
    expect(sql.get(action.id)).toBeCloseTo((3 * 90 + 0) / 4, 9);
  });

  // The pillar page rolls up only its pillar (browseStatesSql with { pillar }): each of its items must have the
  // whole portfolio's value, also when a child is filed under another pillar (walked to from its parent).
  const pillarRows = async (before: Date | null, pillarId: number) =>
    t.db.$queryRaw<{ id: number; rolled_progress: number; has_children: boolean }[]>(Prisma.sql`
      SELECT s.id, s.rolled_progress, s.has_children FROM ${browseStatesSql(before, { pillar: pillarId })} s
       WHERE s.pillar_id = ${pillarId}`);
  const checkPillars = async (before: Date | null) => {
    const rows = await rowsAt(before);
    const pure = rollUp(rows);
    const parents = new Set(rows.filter((r) => !r.retired && r.status !== "CANCELLED").map((r) => r.parentId));
    const pillarIds = [...new Set(rows.map((r) => r.pillarId!))];
    expect(pillarIds.length).toBe(5);
    for (const pillarId of pillarIds) {
      const mine = await pillarRows(before, pillarId);
      const expected = rows.filter((r) => r.pillarId === pillarId);
      expect(mine.map((r) => r.id).sort(), `pillar ${pillarId}`).toEqual(expected.map((r) => r.id).sort());
      for (const r of mine) {
        expect(r.rolled_progress, `item ${r.id}`).toBeCloseTo(pure.get(r.id)!, 9);
        if (r.has_children) expect(parents.has(r.id), `item ${r.id} has children`).toBe(true);
      }
      // the items list filtered to the pillar rolls up the same way: every row it shows has the whole roll-up's value
      const number = (await t.db.pillar.findUniqueOrThrow({ where: { id: pillarId } })).number;
      const listed = await queryItems(
        t.db,
        { sort: "code", dir: "asc", page: 1, size: 1000, pillar: number },
        { before, day: todayInChina() },
      );
      expect(listed.total).toBe(expected.filter((r) => !r.retired).length);
      for (const row of listed.rows) {
        const value = parents.has(row.id) ? pure.get(row.id)! : expected.find((r) => r.id === row.id)!.progress;
        if (value === null) expect(row.progress, row.code).toBeNull();
        else expect(row.progress, row.code).toBeCloseTo(value, 9);
      }
    }
  };

  it("a pillar rolled up alone gives each of its items the whole portfolio's value, now and 90 days ago", async () => {
    await checkPillars(null);
    await checkPillars(daysAgo(90));
  });

  it("a child filed under another pillar still counts for its parent when the parent's pillar is rolled up alone", async () => {
    const parent = await t.db.item.findFirstOrThrow({
      where: { level: "ACTION", parentId: { not: null }, children: { some: {} } },
      include: { children: { where: { retiredAt: null, status: "IN_PROGRESS" } } },
    });
    const child = parent.children.find((c) => c.progress === 90)!;
    const other = await t.db.pillar.findFirstOrThrow({ where: { id: { not: parent.pillarId } } });
    await t.db.$transaction((tx) =>
      changeItem(tx, child.id, { action: "UPDATE", fields: { pillarId: other.id } }, { actorId: null }),
    );
    const [mine] = (await pillarRows(null, parent.pillarId)).filter((r) => r.id === parent.id);
    // children 90 (weight 3, now under another pillar) and null→0 (weight 1)
    expect(mine!.rolled_progress).toBeCloseTo((3 * 90 + 0) / 4, 9);
    await checkPillars(null);
  });
});
