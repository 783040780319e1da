// The live dashboard's figures come from an in-memory table of item states that each app instance refreshes
// by re-reading only the items changed since the version it holds (lib/cache/live-portfolio.ts,
// lib/queries/live-figures.ts). After every batch of random writes through the real write path (progress,
// status, confidence, due dates, weights, units, regions, conferences, retire and restore, moves, a new item,
// back-dated edits), two such tables — one refreshed after every batch, one only now and then, as two
// instances behind the load balancer — must give exactly the figures the from-scratch SQL gives, and figures
// as of past days must not move. Through the data layer: permission first, then the same figures.
import { describe, expect, it } from "vitest";
import { addDays, endOfDay, todayInChina } from "../../lib/dates";
import { Prisma } from "../../lib/generated/prisma/client";
import { LivePortfolioStore, type LivePortfolio } from "../../lib/cache/live-portfolio";
import { VersionKeyedCache } from "../../lib/cache/version-keyed";
import * as q from "../../lib/queries/dashboard";
import * as live from "../../lib/queries/live-figures";
import { queryAmberUntil } from "../../lib/queries/chase-calendar";
import { STALE_DAYS } from "../../lib/queries/as-of";
import { queryItemLightCounts } from "../../lib/queries/item-lights";
import { columnsOf } from "../../lib/queries/live-columns";
import { rollUp } from "../../lib/queries/rollup";
import { addTreeItem, moveTreeItem, restoreTreeItem, retireTreeItem } from "../../lib/writes/item-tree";
import { changeItem, type ItemFields } from "../../lib/writes/item-change";
import type { UnitSort } from "../../lib/validations/dashboard";
import { now as clockNow } from "../../lib/clock";
import { fileDatabase } from "../setup/test-db";
import { signInAs, signOut } from "../support/session";

const t = fileDatabase({ sample: true });

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Equal, with numbers equal to 1e-9 (sums of floats in another order) and dates by instant. */
function expectSame(actual: unknown, expected: unknown, path = "$"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      1e-9 * Math.max(1, Math.abs(expected)),
    );
  } else if (expected instanceof Date) {
    expect(actual instanceof Date ? actual.getTime() : actual, path).toBe(expected.getTime());
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, k) => expectSame((actual as unknown[])[k], e, `${path}[${k}]`));
  } else if (expected !== null && typeof expected === "object") {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, e] of Object.entries(expected))
      expectSame((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

const byKey = <T extends { key: unknown }>(xs: T[]) =>
  [...xs].sort((a, b) => String(a.key).localeCompare(String(b.key)));
const SORTS: UnitSort[] = (["name", "items", "progress", "overdue", "stale", "days"] as const).flatMap((key) => [
  { key, dir: "asc" as const },
  { key, dir: "desc" as const },
]);

async function dataVersion(): Promise<string> {
  const [row] = await t.db.$queryRaw<{ v: string }[]>`SELECT version::text AS v FROM data_version WHERE id = 1`;
  return row!.v;
}

/** Every live widget from the table against its from-scratch SQL. */
/** The table's rolled-up progress of every item (its columns'), by item id. */
function rolledById(table: LivePortfolio): Record<number, number> {
  const c = columnsOf(table);
  return Object.fromEntries(Array.from(c.id, (id, k) => [id, c.rolled[k]!]));
}

async function compareLive(table: LivePortfolio, label: string): Promise<void> {
  const day = todayInChina();
  const m = { before: null, day };
  const now = clockNow();
  // Every item's rolled-up progress, kept by rolling up only what changed, equals the whole roll-up again
  // (and the SQL's, below, through the figures).
  expectSame(rolledById(table), Object.fromEntries(rollUp(table.items)), `${label} rolled`);
  expectSame(live.liveHeadline(table, day), await q.queryHeadline(t.db, m), `${label} headline`);
  expectSame(live.livePillarProgress(table, day), await q.queryPillarProgress(t.db, m), `${label} pillars`);
  const dist = live.liveDistributions(table);
  const sqlDist = await q.queryDistributions(t.db, m);
  expectSame(byKey(dist.status), byKey(sqlDist.status), `${label} status`);
  expectSame(byKey(dist.confidence), byKey(sqlDist.confidence), `${label} confidence`);
  const [point] = await q.queryTrendValues(t.db, [endOfDay(day)]);
  expect(table.maxChangedAt === null || table.maxChangedAt < endOfDay(day)).toBe(true);
  expectSame(live.liveTrendValue(table), point, `${label} trend`);
  expectSame(live.liveAttentionItems(table, day), await q.queryAttentionItems(t.db, m), `${label} attention`);
  for (const sort of SORTS)
    expectSame(
      live.liveUnitAccountability(table, day, sort, now),
      await q.queryUnitAccountability(t.db, m, sort, {}, now),
      `${label} units ${sort.key} ${sort.dir}`,
    );
  expectSame(
    live.liveSideAndRegionBreakdown(table, day),
    await q.querySideAndRegionBreakdown(t.db, m),
    `${label} sides`,
  );
  expectSame(live.liveConferenceTimeline(table), await q.queryConferenceTimeline(t.db, m), `${label} conferences`);
  const amberLast = await queryAmberUntil(t.db, day);
  expectSame(
    live.liveItemLightCounts(table, day, amberLast),
    await queryItemLightCounts(t.db, { ...m, amberLast }),
    `${label} lights`,
  );
}

/** The dashboard's figures as of a past day, from the SQL (which the as-of dashboard runs). */
async function pastFigures(day: string) {
  const m = { before: endOfDay(day), day };
  return {
    headline: await q.queryHeadline(t.db, m),
    pillars: await q.queryPillarProgress(t.db, m),
    attention: await q.queryAttentionItems(t.db, m),
    units: await q.queryUnitAccountability(t.db, m, { key: "name", dir: "asc" }, {}, endOfDay(day)),
    sides: await q.querySideAndRegionBreakdown(t.db, m),
    conferences: await q.queryConferenceTimeline(t.db, m),
    trend: await q.queryTrendValues(t.db, [endOfDay(day), endOfDay(addDays(day, -7))]),
  };
}

interface Target {
  id: number;
  level: string;
  version: number;
  retired: boolean;
  parentId: number | null;
  pillarId: number;
  lastChange: Date;
}

async function targets(): Promise<Target[]> {
  return t.db.$queryRaw<Target[]>(Prisma.sql`
    SELECT i.id, i.level::text AS level, i.version, i.retired_at IS NOT NULL AS retired, i.parent_id AS "parentId",
           i.pillar_id AS "pillarId", (SELECT max(changed_at) FROM item_history h WHERE h.item_id = i.id) AS "lastChange"
    FROM items i ORDER BY i.id`);
}

/** One random write through lib/writes (the path every action and import takes). Returns what it did. */
async function randomWrite(rnd: () => number, ids: { units: number[]; regions: number[]; conferences: number[] }) {
  const all = await targets();
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const active = all.filter((i) => !i.retired);
  const actions = active.filter((i) => i.level === "ACTION");
  const kind = Math.floor(rnd() * 12);
  const ctx = { actorId: null };
  const change = (item: Target, fields: ItemFields, extra: Partial<Parameters<typeof changeItem>[2]> = {}) =>
    t.db.$transaction((tx) =>
      changeItem(tx, item.id, { action: "UPDATE", expectedVersion: item.version, fields, ...extra }, ctx),
    );
  const item = pick(actions);
  const day = todayInChina();
  switch (kind) {
    case 0:
    case 1: {
      const progress = rnd() < 0.1 ? null : Math.floor(rnd() * 101);
      await t.db.$transaction((tx) =>
        changeItem(
          tx,
          item.id,
          {
            action: "PROGRESS_UPDATE",
            expectedVersion: item.version,
            fields: {
              progress,
              status: pick(["IN_PROGRESS", "IN_PROGRESS", "COMPLETED", "NOT_STARTED", "ON_HOLD"] as const),
              confidence: pick(["GREEN", "AMBER", "RED", null] as const),
              lastUpdateAt: clockNow(),
            },
          },
          ctx,
        ),
      );
      return "progress";
    }
    case 2:
      await change(item, { status: pick(["CANCELLED", "COMPLETED", "IN_PROGRESS"] as const) });
      return "status";
    case 3:
      await change(item, {
        startDate: null,
        dueDate: new Date(`${addDays(day, Math.floor(rnd() * 120) - 60)}T00:00:00Z`),
      });
      return "due date";
    case 4:
      await change(item, { weight: 1 + Math.floor(rnd() * 4) });
      return "weight";
    case 5:
      await change(item, { leadUnitId: pick(ids.units), coLeadUnitId: rnd() < 0.5 ? null : pick(ids.units) });
      return "units";
    case 6:
      await t.db.$transaction((tx) =>
        changeItem(
          tx,
          item.id,
          {
            action: "UPDATE",
            expectedVersion: item.version,
            links: {
              regionIds: ids.regions.filter(() => rnd() < 0.15),
              conferenceIds: ids.conferences.filter(() => rnd() < 0.25),
            },
          },
          ctx,
        ),
      );
      return "links";
    case 7: {
      const retired = all.filter(
        (i) => i.retired && (i.parentId === null || !all.find((p) => p.id === i.parentId)?.retired),
      );
      if (retired.length > 0 && rnd() < 0.5) {
        const r = pick(retired);
        await t.db.$transaction((tx) => restoreTreeItem(tx, { itemId: r.id, expectedVersion: r.version }, ctx));
        return "restore";
      }
      const r = pick(rnd() < 0.3 ? active.filter((i) => i.level === "RECOMMENDATION") : actions);
      await t.db.$transaction((tx) => retireTreeItem(tx, { itemId: r.id, expectedVersion: r.version }, ctx));
      return "retire";
    }
    case 8: {
      const parents = active.filter((i) => i.level === "RECOMMENDATION" && i.id !== item.parentId);
      const to = pick(parents);
      await t.db.$transaction((tx) =>
        moveTreeItem(tx, { itemId: item.id, expectedVersion: item.version, parent: { kind: "item", id: to.id } }, ctx),
      );
      return "move";
    }
    case 9: {
      const under = pick(active.filter((i) => i.level === "RECOMMENDATION"));
      await t.db.$transaction((tx) =>
        addTreeItem(
          tx,
          { parent: { kind: "item", id: under.id }, title: "新增事项", titleEn: null, description: null },
          ctx,
        ),
      );
      return "new item";
    }
    case 10: {
      // Back-dated (the epoch moves beyond 10 minutes): after the item's last history row and after the past
      // days this test watches, so their figures must not move.
      // An item this test has not just changed, so that such a moment exists.
      const settled = actions.filter((i) => i.lastChange.getTime() < clockNow().getTime() - 86_400_000);
      const old = settled.length > 0 ? pick(settled) : item;
      const at = new Date(Math.max(old.lastChange.getTime() + 1000, clockNow().getTime() - 2 * 86_400_000));
      if (at.getTime() > clockNow().getTime() - 11 * 60_000) return "back-dated (too recent, skipped)";
      await t.db.$transaction((tx) =>
        changeItem(
          tx,
          old.id,
          { action: "UPDATE", expectedVersion: old.version, fields: { progress: Math.floor(rnd() * 101) } },
          { actorId: null, at },
        ),
      );
      return "back-dated";
    }
    default:
      await change(item, { lastUpdateAt: new Date(clockNow().getTime() - Math.floor(rnd() * 90) * 86_400_000) });
      return "last update";
  }
}

/** The ids random writes pick units, regions and conferences from. */
async function linkTargets(): Promise<{ units: number[]; regions: number[]; conferences: number[] }> {
  const [units, regions, conferences] = await Promise.all([
    t.db.unit.findMany({ select: { id: true } }),
    t.db.region.findMany({ select: { id: true } }),
    t.db.conference.findMany({ select: { id: true } }),
  ]);
  return {
    units: units.map((u) => u.id),
    regions: regions.map((r) => r.id),
    conferences: conferences.map((c) => c.id),
  };
}

describe("live dashboard figures from the in-memory table of item states", () => {
  it("equal the from-scratch SQL after every batch of random writes, on two instances; past days do not move", async () => {
    const rnd = random(18);
    const ids = await linkTargets();
    const everyBatch = new LivePortfolioStore(() => t.db);
    const nowAndThen = new LivePortfolioStore(() => t.db);
    const pastDays = [addDays(todayInChina(), -45), addDays(todayInChina(), -200)];
    const past = await Promise.all(pastDays.map(pastFigures));
    await compareLive(await everyBatch.at(await dataVersion()), "before any write");
    const done = new Map<string, number>();
    for (let batch = 0; batch < 8; batch++) {
      for (let k = 0; k < 12; k++) {
        const what = await randomWrite(rnd, ids);
        done.set(what, (done.get(what) ?? 0) + 1);
      }
      const version = await dataVersion();
      const a = await everyBatch.at(version);
      expect(a.version).toBeGreaterThanOrEqual(BigInt(version));
      await compareLive(a, `batch ${batch}`);
      if (batch % 3 === 2) await compareLive(await nowAndThen.at(version), `batch ${batch}, second instance`);
      for (const [k, day] of pastDays.entries())
        expectSame(await pastFigures(day), past[k], `batch ${batch} as of ${day}`);
    }
    // The random walk did exercise every kind of write.
    expect([...done.keys()]).toEqual(
      expect.arrayContaining([
        "back-dated",
        "due date",
        "last update",
        "links",
        "move",
        "new item",
        "progress",
        "restore",
        "retire",
        "status",
        "units",
        "weight",
      ]),
    );
  });

  it("after one write, roll up again only what changed, to what a whole roll-up gives", async () => {
    const rnd = random(7);
    const ids = await linkTargets();
    const store = new LivePortfolioStore(() => t.db);
    let held = await store.at(await dataVersion());
    const kept = new Map<string, number>();
    for (let k = 0; k < 40; k++) {
      const what = await randomWrite(rnd, ids);
      const next = await store.at(await dataVersion());
      expectSame(rolledById(next), Object.fromEntries(rollUp(next.items)), `after ${k}: ${what}`);
      // The refresh kept the unchanged items' objects: it re-read only the changed ones (no full load).
      if (next.items.some((item, at) => item === held.items[at])) kept.set(what, (kept.get(what) ?? 0) + 1);
      held = next;
    }
    expect([...kept.keys()]).toEqual(expect.arrayContaining(["progress", "status", "weight", "move", "retire"]));
  });

  it("draw the day's lines where the SQL does: due today, due yesterday, the last amber day, the stale cutoff", async () => {
    const day = todayInChina();
    const amberLast = await queryAmberUntil(t.db, day);
    const cutoff = endOfDay(day).getTime() - STALE_DAYS * 86_400_000;
    // A table read before the writes and refreshed after them: only the written rows are read again (and only
    // their columns rewritten), since no item is added and no link changes.
    const store = new LivePortfolioStore(() => t.db);
    await compareLive(await store.at(await dataVersion()), "before the day's lines");
    const open = (await targets()).filter((i) => i.level === "ACTION" && !i.retired).slice(0, 6);
    const due = (d: string) => ({ dueDate: new Date(`${d}T00:00:00Z`), startDate: null });
    const edges: ItemFields[] = [
      due(day),
      due(addDays(day, -1)),
      due(amberLast),
      due(addDays(amberLast, 1)),
      { lastUpdateAt: new Date(cutoff) },
      { lastUpdateAt: new Date(cutoff - 1) },
    ];
    for (const [k, fields] of edges.entries())
      await t.db.$transaction((tx) =>
        changeItem(
          tx,
          open[k]!.id,
          { action: "UPDATE", expectedVersion: open[k]!.version, fields: { status: "IN_PROGRESS", ...fields } },
          { actorId: null },
        ),
      );
    await compareLive(await store.at(await dataVersion()), "at the day's lines");
  });

  it("through the data layer: the reader's permission first, then the table's figures", async () => {
    const dashboard = await import("../../lib/data/dashboard");
    const m = { before: null, day: todayInChina() };
    await signInAs(t.db, "admin");
    expectSame(await dashboard.getHeadline(m), await q.queryHeadline(t.db, m));
    const trend = await dashboard.getProgressTrend(m);
    expectSame(trend, await q.queryProgressTrend(t.db, m));
    const item = (await targets()).find((i) => i.level === "ACTION" && !i.retired)!;
    await t.db.$transaction((tx) =>
      changeItem(
        tx,
        item.id,
        { action: "UPDATE", expectedVersion: item.version, fields: { progress: 3 } },
        { actorId: null },
      ),
    );
    expectSame(await dashboard.getPillarProgress(m), await q.queryPillarProgress(t.db, m));
    expectSame(await dashboard.getProgressTrend(m), await q.queryProgressTrend(t.db, m));
    // A back-dated write moves the history epoch: settled trend points are computed again, and all agree.
    const again = (await targets()).find((i) => i.id === item.id)!;
    await t.db.$transaction((tx) =>
      changeItem(
        tx,
        item.id,
        { action: "UPDATE", expectedVersion: again.version, fields: { progress: 77 } },
        { actorId: null, at: new Date(Math.max(again.lastChange.getTime() + 1000, clockNow().getTime() - 86_400_000)) },
      ),
    );
    expectSame(await dashboard.getProgressTrend(m), await q.queryProgressTrend(t.db, m));
    expectSame(await dashboard.getHeadline(m), await q.queryHeadline(t.db, m));
    signOut();
    await expect(dashboard.getHeadline(m)).rejects.toThrow();
  });

  it("the trend is whole when its kept points are evicted while it is read", async () => {
    // A cache smaller than the trend's 53 points: the second read finds the last points kept, then evicts them
    // itself while it inserts the first ones. Every point must still have its figures (it once came back
    // without them, and the dashboard failed on `pillars` of undefined).
    const global = globalThis as unknown as { __trackerAggregates?: VersionKeyedCache };
    const saved = global.__trackerAggregates;
    global.__trackerAggregates = new VersionKeyedCache(10, "test-small");
    const dashboard = await import("../../lib/data/dashboard");
    try {
      await signInAs(t.db, "admin");
      const m = { before: endOfDay(addDays(todayInChina(), -20)), day: addDays(todayInChina(), -20) };
      const fresh = await q.queryProgressTrend(t.db, m);
      expectSame(await dashboard.getProgressTrend(m), fresh);
      const again = await dashboard.getProgressTrend(m);
      for (const point of again) expect(point.pillars, point.day).toBeDefined();
      expectSame(again, fresh);
    } finally {
      global.__trackerAggregates = saved;
      signOut();
    }
  });
});
