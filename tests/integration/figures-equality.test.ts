// One definition of each figure: the dashboard, the pillar page and the status report (every format renders
// ReportData) show the same numbers, for every pillar and every unit, live and as of a past day of the sample
// data's year of history. The dashboard's figures are also checked against the pure roll-up and plain counts
// (lib/queries/rollup.ts), so a figure that drifted on either side, or in the shared SQL, fails here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endOfDay, todayInChina } from "../../lib/dates";
import { Prisma } from "../../lib/generated/prisma/client";
import { itemStatesSql, STALE_DAYS } from "../../lib/queries/as-of";
import * as q from "../../lib/queries/dashboard";
import { queryPillarTree } from "../../lib/queries/pillar-tree";
import { buildReport } from "../../lib/queries/report";
import { rollUp, type RollUpRow } from "../../lib/queries/rollup";
import type { ReportData, ReportScope } from "../../lib/report/types";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

const DAY = 86_400_000;
const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** Progress figures: the same SQL gives the same value; 1e-9 leaves room only for summation order. */
const same = (actual: number | null, expected: number | null, label: string) => {
  if (expected === null) expect(actual, label).toBeNull();
  else expect(actual, label).toBeCloseTo(expected, 9);
};

interface State {
  id: number;
  parent_id: number | null;
  pillar_id: number;
  lead_unit_id: number | null;
  level: string;
  weight: number;
  progress: number | null;
  status: string;
  retired: boolean;
  due_date: Date | null;
  last_update_at: Date | null;
}

describe("the dashboard's and the report's figures", () => {
  let t: TestDatabase;
  const now = new Date();
  const today = todayInChina(now);
  const past = shift(today, -150);
  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
  });
  afterAll(async () => t?.drop());

  const report = (asOf: string, scope: ReportScope): Promise<ReportData> =>
    buildReport(t.db, { scope, asOf, compare: null, locale: "zh-CN" }, now);

  for (const [label, moment, asOf] of [
    ["live", { before: null, day: today }, today],
    [`as of ${past}`, { before: endOfDay(past), day: past }, past],
  ] as const) {
    describe(label, () => {
      let headline: q.Headline;
      let pillars: q.PillarProgress[];
      let units: q.UnitAccountability[];
      let all: ReportData;
      beforeAll(async () => {
        [headline, pillars, units, all] = await Promise.all([
          q.queryHeadline(t.db, moment),
          q.queryPillarProgress(t.db, moment),
          q.queryUnitAccountability(t.db, moment, { key: "name", dir: "asc" }, {}, now),
          report(asOf, { kind: "all" }),
        ]);
        expect(pillars).toHaveLength(5);
        expect(units.length).toBeGreaterThan(20);
      });

      it("the dashboard's figures are the roll-up's and plain counts over the states", async () => {
        const states = await t.db.$queryRaw<State[]>(Prisma.sql`SELECT * FROM ${itemStatesSql(moment.before)} s`);
        const rolled = rollUp(states.map((s): RollUpRow => ({ ...s, parentId: s.parent_id, pillarId: s.pillar_id })));
        const open = (s: State) => !["COMPLETED", "CANCELLED"].includes(s.status);
        const overdue = (s: State) =>
          open(s) && s.due_date !== null && s.due_date.toISOString().slice(0, 10) < moment.day;
        const staleBefore = endOfDay(moment.day).getTime() - STALE_DAYS * DAY;
        const stale = (s: State) => open(s) && (s.last_update_at === null || s.last_update_at.getTime() < staleBefore);
        const average = (list: State[]) => {
          const weight = list.reduce((n, s) => n + s.weight, 0);
          return weight > 0 ? list.reduce((n, s) => n + s.weight * rolled.get(s.id)!, 0) / weight : null;
        };
        const actions = states.filter((s) => s.level === "ACTION" && !s.retired);
        const roots = states.filter((s) => s.parent_id === null && !s.retired && s.status !== "CANCELLED");
        expect([headline.items, headline.completed, headline.overdue, headline.stale]).toEqual([
          actions.length,
          actions.filter((s) => s.status === "COMPLETED").length,
          actions.filter(overdue).length,
          actions.filter(stale).length,
        ]);
        same(headline.overall, average(roots), "overall");
        for (const p of pillars) {
          const mine = actions.filter((s) => s.pillar_id === p.id);
          same(p.progress, average(roots.filter((s) => s.pillar_id === p.id)), `pillar ${p.number}`);
          expect([p.actions, p.overdue], `pillar ${p.number}`).toEqual([mine.length, mine.filter(overdue).length]);
        }
        for (const u of units) {
          const mine = actions.filter((s) => s.lead_unit_id === u.id);
          same(u.progress, average(mine), u.name);
          expect([u.items, u.overdue, u.stale], u.name).toEqual([
            mine.length,
            mine.filter(overdue).length,
            mine.filter(stale).length,
          ]);
        }
      });

      it("the report of everything has the dashboard's headline, every pillar's and every unit's figures", () => {
        const h = all.headline;
        expect([h.items, h.completed, h.overdue, h.stale, h.onTrack, h.atRisk, h.offTrack]).toEqual([
          headline.items,
          headline.completed,
          headline.overdue,
          headline.stale,
          headline.green,
          headline.amber,
          headline.red,
        ]);
        same(h.overallProgress, headline.overall, "overall");
        expect(all.pillars.map((p) => p.number)).toEqual(pillars.map((p) => p.number));
        for (const p of pillars) {
          const r = all.pillars.find((x) => x.number === p.number)!;
          expect([r.title, r.items, r.completed, r.overdue], `pillar ${p.number}`).toEqual([
            p.title,
            p.actions,
            p.completed,
            p.overdue,
          ]);
          same(r.progress, p.progress, `pillar ${p.number}`);
        }
        expect(all.units.map((u) => u.unit).sort()).toEqual(units.map((u) => u.name).sort());
        for (const u of units) {
          const r = all.units.find((x) => x.unit === u.name)!;
          expect([r.side, r.items, r.overdue, r.stale, r.daysSinceLastUpdate], u.name).toEqual([
            u.side,
            u.items,
            u.overdue,
            u.stale,
            u.daysSinceUpdate,
          ]);
          same(r.averageProgress, u.progress, u.name);
        }
      });

      it("every recommendation's row carries the progress the dashboard shows for it", () => {
        const shown = pillars.flatMap((p) => p.recommendations);
        const rows = all.items.filter((i) => i.level === "RECOMMENDATION");
        expect(rows.map((r) => r.code).sort()).toEqual(shown.map((r) => r.code).sort());
        for (const rec of shown) {
          const row = rows.find((r) => r.code === rec.code)!;
          same(row.progress, rec.progress, rec.code);
        }
      });

      it("every pillar's report and pillar page have the dashboard's figures for that pillar", async () => {
        for (const p of pillars) {
          const [mine, tree] = await Promise.all([
            report(asOf, { kind: "pillar", pillarNumber: p.number }),
            queryPillarTree(t.db, p.number, moment),
          ]);
          const label = `pillar ${p.number}`;
          expect([mine.headline.items, mine.headline.completed, mine.headline.overdue], label).toEqual([
            p.actions,
            p.completed,
            p.overdue,
          ]);
          same(mine.headline.overallProgress, p.progress, label);
          expect(mine.pillars, label).toEqual([expect.objectContaining({ number: p.number, items: p.actions })]);
          same(mine.pillars[0]!.progress, p.progress, label);
          expect([tree!.actionCount, tree!.overdueCount], label).toEqual([p.actions, p.overdue]);
          same(tree!.progress, p.progress, label);
        }
      });

      it("every unit's report has the dashboard's figures for that unit", async () => {
        for (const u of units) {
          const mine = await report(asOf, { kind: "unit", unitId: u.id });
          // A unit's scope also holds the items it co-leads; its own row counts the items it leads.
          const r = mine.units.find((x) => x.unit === u.name);
          expect(r, u.name).toBeDefined();
          expect([r!.side, r!.items, r!.overdue, r!.stale, r!.daysSinceLastUpdate], u.name).toEqual([
            u.side,
            u.items,
            u.overdue,
            u.stale,
            u.daysSinceUpdate,
          ]);
          same(r!.averageProgress, u.progress, u.name);
          expect(mine.headline.items, u.name).toBeGreaterThanOrEqual(u.items);
        }
      }, 240_000);
    });
  }
});
