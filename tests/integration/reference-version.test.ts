// Reads of a settled day (issue 18): the dashboard as of a day long past is kept across ordinary writes, keyed
// by the history epoch and the reference version (lib/cache/data-version.ts readThroughSettled). That is right
// only if (1) every table those reads take rows from, other than items and item_history, moves the reference
// version, and (2) item writes do not move it. The first two tests check the triggers and the reads' plans; the
// others make random writes through the real write path and compare every kept figure with a fresh query.
import { afterEach, describe, expect, it } from "vitest";
import { addDays, endOfDay, todayInChina } from "../../lib/dates";
import { now, resetClock } from "../../lib/clock";
import * as dashboard from "../../lib/data/dashboard";
import { amberLastFor, getItemLightCounts } from "../../lib/data/item-lights";
import { listGoals } from "../../lib/data/goals";
import { listUnits } from "../../lib/data/reference";
import * as q from "../../lib/queries/dashboard";
import { loadLightRule, queryAmberUntil } from "../../lib/queries/chase-calendar";
import { queryItemLightCounts } from "../../lib/queries/item-lights";
import { Prisma } from "../../lib/generated/prisma/client";
import type { Db } from "../../lib/prisma-client";
import { changeItem } from "../../lib/writes/item-change";
import { fileDatabase } from "../setup/test-db";
import { signInAs, signOut } from "../support/session";
import { recordSql } from "../support/sql-recorder";

const t = fileDatabase({ sample: true });

afterEach(() => {
  resetClock();
  signOut();
});

/**
 * Tables that move the data version but not the reference version, and why a settled read never takes rows
 * from them. The plan test below holds the reads to it.
 */
const NOT_REFERENCE: Record<string, string> = {
  items: "a past moment takes every column but id and level from history (level and deletes do move it)",
  item_history: "read only before a settled moment; a row written earlier than now moves the history epoch",
  item_supporting_units: "a past moment reads them from the history snapshot",
  item_regions: "a past moment reads them from the history snapshot",
  item_conferences: "a past moment reads them from the history snapshot",
  progress_updates: "item reports; the recent-updates widget stays at the data version",
  report_events: "the review's log",
  attachments: "evidence files",
  milestones: "the item page's milestones",
  period_obligations: "who owes a report in a period",
  period_item_states: "a closed period's frozen states",
  period_files: "a closed period's files",
  item_investment_years: "investment figures (their widget stays at the data version)",
  indicator_values: "indicator values (their widget stays at the data version)",
  users: "accounts: a sign-in writes its row",
  chase_events: "催办/督办 records",
  chase_event_items: "催办/督办 records",
  chase_event_recipients: "催办/督办 records",
  supervisions: "督办 records",
  supervision_items: "督办 records",
  supervision_files: "督办 files",
};

/**
 * The item states at a moment (lib/queries/as-of.ts itemStatesSql): history, or, when no history follows the
 * moment, the items' own rows and links, which then equal their latest history (trigger items_require_history).
 */
const ITEM_STATES = new Set(["item_history", "items", "item_supporting_units", "item_regions", "item_conferences"]);

type Moment = { before: Date; day: string };
const CONFIDENCES = ["GREEN", "AMBER", "RED"] as const;

/** Every settled read's SQL, recorded with a stand-in client (one function may send several statements). */
async function settledStatements(m: Moment, compare: Date): Promise<[string, Prisma.Sql][]> {
  const amberLast = await amberLastFor(m.day);
  const reads: [string, (d: Db) => Promise<unknown>][] = [
    ["headline", (d) => q.queryHeadline(d, m)],
    ["pillars", (d) => q.queryPillarProgress(d, m)],
    ["distributions", (d) => q.queryDistributions(d, m)],
    ["attention", (d) => q.queryAttentionItems(d, m)],
    ["units", (d) => q.queryUnitAccountability(d, m, { key: "name", dir: "asc" })],
    ["sides", (d) => q.querySideAndRegionBreakdown(d, m)],
    ["conferences", (d) => q.queryConferenceTimeline(d, m)],
    ["changes", (d) => q.queryPortfolioChanges(d, { before: m.before, compareBefore: compare })],
    ["lights", (d) => queryItemLightCounts(d, { ...m, amberLast })],
    ["light rule", (d) => loadLightRule(d)],
  ];
  const seen: [string, Prisma.Sql][] = [];
  for (const [name, read] of reads) for (const sql of await recordSql(read)) seen.push([name, sql]);
  return seen;
}

function relationsOf(plan: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(plan)) plan.forEach((p) => relationsOf(p, into));
  else if (plan !== null && typeof plan === "object") {
    for (const [k, v] of Object.entries(plan)) {
      if (k === "Relation Name" && typeof v === "string") into.add(v);
      else relationsOf(v, into);
    }
  }
  return into;
}

async function tablesWith(fn: string): Promise<string[]> {
  const rows = await t.db.$queryRaw<{ table: string }[]>`
    SELECT DISTINCT c.relname AS table FROM pg_trigger tg
      JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_proc p ON p.oid = tg.tgfoid
     WHERE c.relnamespace = 'public'::regnamespace AND NOT tg.tgisinternal AND p.proname = ${fn}
     ORDER BY 1`;
  return rows.map((r) => r.table);
}

function pastMoment(days: number): Moment {
  const day = addDays(todayInChina(now()), -days);
  return { before: endOfDay(day), day };
}

/** JSON equality (dates as instants), so kept and fresh values compare whatever their object identity. */
const same = (a: unknown) => JSON.parse(JSON.stringify(a)) as unknown;

describe("reference version", () => {
  it("moves with every data table but the ones item writes touch, each named with its reason", async () => {
    const data = await tablesWith("bump_data_version");
    const reference = new Set(await tablesWith("bump_reference_version"));
    expect(data.length).toBeGreaterThan(30);
    expect(data.filter((n) => !reference.has(n) && !(n in NOT_REFERENCE))).toEqual([]);
    // the list names only tables that move the data version and not this one (items: only for level and deletes)
    expect(Object.keys(NOT_REFERENCE).filter((n) => !data.includes(n))).toEqual([]);
    expect(Object.keys(NOT_REFERENCE).filter((n) => reference.has(n))).toEqual(["items"]);
  });

  it("is what a settled read's plan reads, beside items and item_history", async () => {
    const m = pastMoment(40);
    const statements = await settledStatements(m, pastMoment(120).before);
    expect(new Set(statements.map(([name]) => name)).size).toBe(10);
    const reference = new Set(await tablesWith("bump_reference_version"));
    const foreign: string[] = [];
    for (const [name, sql] of statements) {
      const [row] = await t.db
        .$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${sql.text}`, ...sql.values)
        .catch((e: Error) => {
          throw new Error(`${name}: ${e.message}\n${sql.sql}`);
        });
      const relations = relationsOf(row!["QUERY PLAN"]);
      expect(relations.size, name).toBeGreaterThan(0);
      for (const r of relations) if (!reference.has(r) && !ITEM_STATES.has(r)) foreign.push(`${name}: ${r}`);
    }
    expect(foreign).toEqual([]);

    // the check can fail: the recent updates read progress_updates, which is why they stay at the data version
    const recent = q.queryRecentUpdates(
      {
        $queryRaw: async (sql: Prisma.Sql) => {
          const [row] = await t.db.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(
            `EXPLAIN (FORMAT JSON) ${sql.text}`,
            ...sql.values,
          );
          return [...relationsOf(row!["QUERY PLAN"])].map((name) => ({ name }));
        },
      } as unknown as Db,
      m,
    );
    expect((await recent).map((r) => (r as unknown as { name: string }).name)).toContain("progress_updates");
  });

  it("keeps a settled day's figures across item writes and follows unit renames and backdated history", async () => {
    await signInAs(t.db, "leader");
    const m = pastMoment(30);
    const read = () =>
      Promise.all([
        dashboard.getHeadline(m),
        dashboard.getPillarProgress(m),
        dashboard.getDistributions(m),
        dashboard.getAttentionItems(m),
        dashboard.getUnitAccountability(m, { key: "name", dir: "asc" }),
        dashboard.getSideAndRegionBreakdown(m),
        dashboard.getConferenceTimeline(m),
        getItemLightCounts(m).then((lights) => lights.pillars),
      ]);
    const fresh = async () => {
      const amberLast = await queryAmberUntil(t.db, m.day);
      return Promise.all([
        q.queryHeadline(t.db, m),
        q.queryPillarProgress(t.db, m),
        q.queryDistributions(t.db, m),
        q.queryAttentionItems(t.db, m),
        q.queryUnitAccountability(t.db, m, { key: "name", dir: "asc" }),
        q.querySideAndRegionBreakdown(t.db, m),
        q.queryConferenceTimeline(t.db, m),
        queryItemLightCounts(t.db, { ...m, amberLast }),
      ]);
    };
    const items = await t.db.$queryRaw<{ id: number }[]>`
      SELECT id FROM items WHERE level = 'ACTION' AND retired_at IS NULL ORDER BY code`;
    const units = await t.db.$queryRaw<{ id: number; name: string }[]>`
      SELECT u.id, u.name FROM units u WHERE EXISTS (SELECT 1 FROM items i WHERE i.lead_unit_id = u.id) ORDER BY u.id`;
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };

    const kept = await read();
    expect(same(kept)).toEqual(same(await fresh()));
    let goals = await listGoals();
    let unitList = await listUnits();
    let recomputed = 0;
    let previous = kept;
    for (let round = 0; round < 24; round++) {
      const kind = round % 8 === 5 ? "unit" : round % 8 === 7 ? "backdated" : "write";
      const itemId = items[random(items.length)]!.id;
      if (kind === "unit") {
        const unit = units[random(units.length)]!;
        await t.db.unit.update({ where: { id: unit.id }, data: { name: `${unit.name}·${round}` } });
      } else {
        // an ordinary write now, or (backdated) one stamped 60 days ago, before the settled day
        const at = kind === "backdated" ? new Date(now().getTime() - 60 * 86_400_000) : undefined;
        await t.db.$transaction((tx) =>
          changeItem(
            tx,
            itemId,
            { action: "UPDATE", fields: { progress: random(101), confidence: CONFIDENCES[random(3)] } },
            { actorId: null, ...(at ? { at } : {}) },
          ),
        );
      }
      const now_ = await read();
      expect(same(now_), `round ${round} (${kind})`).toEqual(same(await fresh()));
      const keptAll = now_.every((v, k) => v === previous[k]);
      // reads of the reference tables alone are kept across item writes too, and follow a rename
      const [goalsNow, unitsNow] = await Promise.all([listGoals(), listUnits()]);
      if (kind === "write") {
        expect(keptAll, `round ${round}: an item write kept every settled figure`).toBe(true);
        expect(goalsNow).toBe(goals);
        expect(unitsNow).toBe(unitList);
      } else {
        expect(keptAll, `round ${round}: a ${kind} change recomputed them`).toBe(false);
        recomputed++;
        if (kind === "unit") expect(same(unitsNow)).not.toEqual(same(unitList));
      }
      previous = now_;
      goals = goalsNow;
      unitList = unitsNow;
    }
    expect(recomputed).toBe(6);
    // the permission is checked before anything kept is read
    signOut();
    await expect(dashboard.getHeadline(m)).rejects.toThrow();
  });

  it("is moved by a reference table once per transaction, and not by an item write", async () => {
    const before = await t.db.dataVersion.findUniqueOrThrow({ where: { id: 1 } });
    const [item] = await t.db.$queryRaw<{ id: number }[]>`SELECT id FROM items WHERE level = 'ACTION' LIMIT 1`;
    await t.db.$transaction((tx) =>
      changeItem(tx, item!.id, { action: "UPDATE", fields: { progress: 17 } }, { actorId: null }),
    );
    const afterWrite = await t.db.dataVersion.findUniqueOrThrow({ where: { id: 1 } });
    expect(afterWrite.version).toBeGreaterThan(before.version);
    expect(afterWrite.referenceVersion).toBe(before.referenceVersion);
    await t.db.$transaction([
      t.db.$executeRaw`UPDATE regions SET name = name || '' WHERE id IN (SELECT id FROM regions LIMIT 3)`,
      t.db.$executeRaw`UPDATE pillars SET theme = theme WHERE number = 1`,
    ]);
    const afterRef = await t.db.dataVersion.findUniqueOrThrow({ where: { id: 1 } });
    expect(afterRef.referenceVersion).toBe(before.referenceVersion + 1n);
    expect(afterRef.version).toBe(afterWrite.version + 1n);
  });
});
