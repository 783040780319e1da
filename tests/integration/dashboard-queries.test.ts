// Every dashboard query runs, live and as of a past day, on the sample data, and its figures agree with
// the pure roll-up and with plain counts over itemStatesSql.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endOfDay, todayInChina } from "../../lib/dates";
import * as q from "../../lib/queries/dashboard";
import { countItems } from "../../lib/queries/items-list";
import type { BrowseFilters } from "../../lib/validations/browse";
import { overallProgress, pillarProgress, rollUp } from "../../lib/queries/rollup";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { readItemStates, rollUpRowOf } from "../support/item-states";

const shift = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe("dashboard queries", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
  });
  afterAll(async () => t.drop());

  const today = todayInChina();
  const past = shift(today, -120);
  for (const [label, moment] of [
    ["live", { before: null, day: today }],
    ["120 days ago", { before: endOfDay(past), day: past }],
  ] as const) {
    it(`headline and pillars agree with the pure roll-up (${label})`, async () => {
      const rows = await readItemStates(t.db, moment.before);
      const rr = rows.map(rollUpRowOf);
      const rolled = rollUp(rr);
      const actions = rows.filter((r) => r.level === "ACTION" && !r.retired);
      const headline = await q.queryHeadline(t.db, moment);
      expect(headline.items).toBe(actions.length);
      expect(headline.completed).toBe(actions.filter((r) => r.status === "COMPLETED").length);
      expect(headline.overdue).toBe(
        actions.filter(
          (r) =>
            !["COMPLETED", "CANCELLED"].includes(r.status) &&
            r.due_date !== null &&
            r.due_date.toISOString().slice(0, 10) < moment.day,
        ).length,
      );
      expect(headline.overall).toBeCloseTo(overallProgress(rr, rolled)!, 9);
      const pillars = await q.queryPillarProgress(t.db, moment);
      const pure = pillarProgress(rr, rolled);
      expect(pillars).toHaveLength(5);
      for (const p of pillars) expect(p.progress).toBeCloseTo(pure.get(p.id)!, 9);
      expect(pillars.reduce((n, p) => n + p.actions, 0)).toBe(actions.length);
    });

    it(`every other widget answers (${label})`, async () => {
      const dist = await q.queryDistributions(t.db, moment);
      const headline = await q.queryHeadline(t.db, moment);
      expect(dist.status.reduce((n, s) => n + s.count, 0)).toBe(headline.items);
      expect(dist.confidence.reduce((n, s) => n + s.count, 0)).toBe(headline.open);
      const attention = await q.queryAttentionItems(t.db, moment);
      expect(attention.total).toBeGreaterThanOrEqual(headline.overdue);
      const units = await q.queryUnitAccountability(t.db, moment, { key: "overdue", dir: "desc" });
      expect(units.length).toBeGreaterThan(0);
      expect(units.map((u) => u.overdue)).toEqual([...units.map((u) => u.overdue)].sort((a, b) => b - a));
      const byName = await q.queryUnitAccountability(t.db, moment, { key: "days", dir: "asc" });
      expect(byName).toHaveLength(units.length);
      const { sides, regions } = await q.querySideAndRegionBreakdown(t.db, moment);
      expect(sides.reduce((n, s) => n + s.items, 0)).toBe(headline.items);
      expect(regions.length).toBeGreaterThan(0);
      const updates = await q.queryRecentUpdates(t.db, moment);
      expect(updates.length).toBe(q.RECENT_LIMIT);
      if (moment.before) for (const u of updates) expect(u.createdAt.getTime()).toBeLessThan(moment.before.getTime());
      const conferences = await q.queryConferenceTimeline(t.db, moment);
      expect(conferences.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it(`each count a dashboard link states is the items list's count for that link's filters (${label})`, async () => {
      const list = (f: BrowseFilters) => countItems(t.db, { level: "ACTION", ...f }, moment);
      const headline = await q.queryHeadline(t.db, moment);
      expect(await list({ open: true, confidence: "RED" })).toBe(headline.red);
      expect(await list({ open: true, confidence: "GREEN" })).toBe(headline.green);
      expect(await list({ stale: true })).toBe(headline.stale);
      const dist = await q.queryDistributions(t.db, moment);
      for (const c of dist.confidence)
        expect(await list({ open: true, confidence: c.key ?? "NONE" }), String(c.key)).toBe(c.count);
      const attention = await q.queryAttentionItems(t.db, moment);
      expect(await list({ attention: true })).toBe(attention.total);
      for (const p of await q.queryPillarProgress(t.db, moment))
        expect(await list({ pillar: p.number, overdue: true }), `pillar ${p.number}`).toBe(p.overdue);
      for (const u of await q.queryUnitAccountability(t.db, moment, { key: "name", dir: "asc" })) {
        expect(await list({ unit: u.id, leadOnly: true }), u.name).toBe(u.items);
        expect(await list({ unit: u.id, leadOnly: true, overdue: true }), u.name).toBe(u.overdue);
        expect(await list({ unit: u.id, leadOnly: true, stale: true }), u.name).toBe(u.stale);
      }
    });
  }

  it("the trend has weekly points whose last one equals the live overall progress", async () => {
    const trend = await q.queryProgressTrend(t.db, { before: null, day: today });
    expect(trend).toHaveLength(q.TREND_POINTS);
    expect(trend.at(-1)!.day).toBe(today);
    expect(trend.at(-2)!.day).toBe(shift(today, -7));
    const headline = await q.queryHeadline(t.db, { before: null, day: today });
    expect(trend.at(-1)!.overall).toBeCloseTo(headline.overall!, 9);
    // Spot checks across the year against the single-moment reconstruction.
    for (const back of [1, 10, 29, 52]) {
      const day = shift(today, -7 * back);
      expect(trend.at(-1 - back)!.day).toBe(day);
      const then = await q.queryHeadline(t.db, { before: endOfDay(day), day });
      const pillars = await q.queryPillarProgress(t.db, { before: endOfDay(day), day });
      expect(trend.at(-1 - back)!.overall ?? null, day).toBeCloseTo(then.overall ?? Number.NaN, 9);
      for (const p of pillars)
        expect(trend.at(-1 - back)!.pillars[p.number], `${day} pillar ${p.number}`).toBeCloseTo(
          p.progress ?? Number.NaN,
          9,
        );
    }
  });

  it("lists changes since a comparison day", async () => {
    const changes = await q.queryPortfolioChanges(t.db, { before: null, compareBefore: endOfDay(shift(today, -30)) });
    expect(changes!.changes.length).toBeGreaterThan(0);
    expect(await q.queryPortfolioChanges(t.db, { before: null, compareBefore: null })).toBeNull();
  });
});
