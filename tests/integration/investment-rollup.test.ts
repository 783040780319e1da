// The investment roll-ups (lib/queries/investment.ts) recomputed independently: every pillar, recommendation,
// lead unit, side and region, live and as of a past moment, equal to the cent. The check reads the raw rows (the
// items and item_investment_years live; each item's latest item_history snapshot for the past) with Prisma, groups
// them in JavaScript and adds amounts as BigInt cents — no shared SQL, no floating point. It also checks that a
// report's 本月完成投资 counts only once approved, and that the cumulative month points follow history.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetClock, setClock } from "@/lib/clock";
import { completionRate, fromCents, toCents } from "@/lib/money";
import {
  monthEnd,
  queryCumulativeByMonth,
  queryInvestmentChange,
  queryInvestmentRollup,
  queryInvestmentTotals,
  querySideShares,
  type RollupDimension,
  type RollupRow,
} from "@/lib/queries/investment";
import { approve, reportContent, submitNow } from "@/lib/writes/reports";
import type { ItemSnapshot } from "@/lib/writes/snapshot";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { jointCoordinator, sampleAccount, type TestAccount } from "../support/actors";
import { investmentRounds, rng } from "../support/investment-figures";

const DAY = 86_400_000;

interface Counted {
  pillarId: number;
  parentId: number | null;
  leadUnitId: number | null;
  side: string | null;
  regionIds: number[];
  total: string | null;
  scShare: string | null;
  cqShare: string | null;
  planned: string | null;
  completed: string | null;
}

describe("investment roll-ups", () => {
  let t: TestDatabase;
  let admin: TestAccount;
  const year = new Date(Date.now() + 3 * DAY).getUTCFullYear();
  const t1 = new Date(Date.now() + 1 * DAY);
  const t2 = new Date(Date.now() + 2 * DAY);
  /** between the first and the second round of figures */
  const past = new Date(Date.now() + 1.5 * DAY);

  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
    admin = await sampleAccount(t.db, { role: "ADMIN" });
    // Two rounds, a day apart: the first gives figures to ~60% of the items, the second changes some of them
    // (raises, lowers, removes, adds), so "as of" between them differs from live.
    await investmentRounds(t.db, admin, {
      year,
      rounds: [
        [t1, 0.6],
        [t2, 0.35],
      ],
      r: rng(20261206, 1664525, 1013904223),
      maxDigits: 12,
    });
  }, 240_000);
  afterEach(() => resetClock());
  afterAll(async () => t?.drop());

  /** The counted items and their figures, read plainly: live from the rows, past from each latest snapshot. */
  async function counted(before: Date | null): Promise<Counted[]> {
    const units = new Map((await t.db.unit.findMany({ select: { id: true, side: true } })).map((u) => [u.id, u.side]));
    const sideOf = (lead: number | null, coLead: number | null): string | null => {
      const ls = lead === null ? null : units.get(lead)!;
      const cs = coLead === null ? null : units.get(coLead)!;
      if (ls === "JOINT" || (cs !== null && cs !== ls)) return "JOINT";
      return ls;
    };
    const items = await t.db.item.findMany({
      include: { investmentYears: { where: { year } }, regions: true },
      orderBy: { id: "asc" },
    });
    const out: Counted[] = [];
    for (const item of items) {
      if (before === null) {
        if (item.level !== "ACTION" || item.retiredAt !== null) continue;
        const y = item.investmentYears[0];
        out.push({
          pillarId: item.pillarId,
          parentId: item.parentId,
          leadUnitId: item.leadUnitId,
          side: sideOf(item.leadUnitId, item.coLeadUnitId),
          regionIds: item.regions.map((g) => g.regionId),
          total: item.totalInvestment?.toFixed(2) ?? null,
          scShare: item.sichuanShare?.toFixed(2) ?? null,
          cqShare: item.chongqingShare?.toFixed(2) ?? null,
          planned: y?.planned?.toFixed(2) ?? null,
          completed: y?.completed?.toFixed(2) ?? null,
        });
        continue;
      }
      const h = await t.db.itemHistory.findFirst({
        where: { itemId: item.id, changedAt: { lt: before } },
        orderBy: [{ changedAt: "desc" }, { version: "desc" }],
      });
      if (!h || h.retired || item.level !== "ACTION") continue;
      const s = h.snapshot as unknown as ItemSnapshot;
      const y = (s.investmentYears ?? []).find((e) => e.year === year);
      out.push({
        pillarId: s.pillarId,
        parentId: s.parentId,
        leadUnitId: s.leadUnitId,
        side: sideOf(s.leadUnitId, s.coLeadUnitId),
        regionIds: s.regionIds,
        total: s.totalInvestment ?? null,
        scShare: s.sichuanShare ?? null,
        cqShare: s.chongqingShare ?? null,
        planned: y?.planned ?? null,
        completed: y?.completed ?? null,
      });
    }
    return out;
  }

  const cents = (v: string | null) => (v === null ? 0n : toCents(v));
  const has = (c: Counted) => c.total !== null || c.planned !== null || c.completed !== null;

  /** JS groups → the figures the SQL should give, keyed like RollupRow.key. */
  async function expected(before: Date | null, by: RollupDimension) {
    const rows = await counted(before);
    const pillars = new Map((await t.db.pillar.findMany()).map((p) => [p.id, String(p.number)]));
    const codes = new Map((await t.db.item.findMany({ select: { id: true, code: true } })).map((i) => [i.id, i.code]));
    const keysOf = (c: Counted): (string | null)[] => {
      switch (by) {
        case "pillar":
          return [pillars.get(c.pillarId)!];
        case "recommendation":
          return c.parentId === null ? [] : [codes.get(c.parentId)!];
        case "unit":
          return [c.leadUnitId === null ? null : String(c.leadUnitId)];
        case "side":
          return [c.side];
        case "region":
          return c.regionIds.map(String);
      }
    };
    const groups = new Map<string | null, Counted[]>();
    for (const c of rows) for (const k of keysOf(c)) groups.set(k, [...(groups.get(k) ?? []), c]);
    const out = new Map<string | null, Pick<RollupRow, "items" | "total" | "planned" | "completed" | "rate">>();
    for (const [k, list] of groups) {
      if (!list.some(has)) continue;
      const sum = (f: (c: Counted) => string | null) => fromCents(list.reduce((a, c) => a + cents(f(c)), 0n));
      const planned = sum((c) => c.planned);
      const completed = sum((c) => c.completed);
      out.set(k, {
        items: list.filter(has).length,
        total: sum((c) => c.total),
        planned,
        completed,
        rate: completionRate(completed, planned),
      });
    }
    return { out, rows };
  }

  const moments: [string, Date | null][] = [
    ["live", null],
    ["as of a past moment", past],
  ];
  for (const [label, before] of moments) {
    describe(label, () => {
      for (const by of ["pillar", "recommendation", "unit", "side", "region"] as const) {
        it(`by ${by}: every group's 总投资, 计划投资, 完成投资 and 完成率 to the cent`, async () => {
          const [sql, { out }] = await Promise.all([
            queryInvestmentRollup(t.db, before, year, by),
            expected(before, by),
          ]);
          expect(sql.length).toBeGreaterThan(0);
          const got = new Map(
            sql.map((r) => [
              r.key,
              { items: r.items, total: r.total, planned: r.planned, completed: r.completed, rate: r.rate },
            ]),
          );
          expect(got).toEqual(out);
        });
      }

      it("the totals are the sum of the pillars, and each side's part of 总投资 adds the shares", async () => {
        const [totals, pillars, shares, { rows }] = await Promise.all([
          queryInvestmentTotals(t.db, before, year),
          queryInvestmentRollup(t.db, before, year, "pillar"),
          querySideShares(t.db, before, year),
          expected(before, "side"),
        ]);
        for (const f of ["total", "planned", "completed"] as const)
          expect(totals[f]).toBe(fromCents(pillars.reduce((a, p) => a + toCents(p[f]), 0n)));
        const sc = rows.reduce(
          (a, c) => a + (c.side === "SICHUAN" ? cents(c.total) : c.scShare !== null ? cents(c.scShare) : 0n),
          0n,
        );
        const cq = rows.reduce(
          (a, c) => a + (c.side === "CHONGQING" ? cents(c.total) : c.cqShare !== null ? cents(c.cqShare) : 0n),
          0n,
        );
        expect(shares.sichuan).toBe(fromCents(sc));
        expect(shares.chongqing).toBe(fromCents(cq));
        expect(toCents(shares.sichuan) + toCents(shares.chongqing) + toCents(shares.unsplit)).toBe(
          toCents(totals.total),
        );
      });
    });
  }

  it("the past differs from live (the second round changed figures), and the compare gives the exact change", async () => {
    const [then, live, change] = await Promise.all([
      queryInvestmentTotals(t.db, past, year),
      queryInvestmentTotals(t.db, null, year),
      queryInvestmentChange(t.db, null, past, year),
    ]);
    expect(then.completed).not.toBe(live.completed);
    expect(change.completedDelta).toBe(fromCents(toCents(live.completed) - toCents(then.completed)));
    expect(change.plannedDelta).toBe(fromCents(toCents(live.planned) - toCents(then.planned)));
  });

  it("a report's 本月完成投资 counts toward 完成投资 only once approved, and the month points follow history", async () => {
    const editors = await t.db.user.findMany({ where: { role: "EDITOR", disabled: false, unitId: { not: null } } });
    const item = await t.db.item.findFirstOrThrow({
      where: {
        level: "ACTION",
        retiredAt: null,
        leadUnitId: { in: editors.map((e) => e.unitId!) },
        status: { notIn: ["COMPLETED", "CANCELLED"] },
      },
      orderBy: { id: "asc" },
    });
    const editor = await sampleAccount(t.db, { role: "EDITOR", unitId: item.leadUnitId });
    const coordinator = await jointCoordinator(t.db);
    const at = new Date(Date.now() + 3 * DAY);
    setClock(at);
    const reportYear = at.getUTCFullYear();
    const before = await queryInvestmentTotals(t.db, null, reportYear);
    const step = await submitNow(t.db, editor, {
      itemId: item.id,
      expectedVersion: (await t.db.item.findUniqueOrThrow({ where: { id: item.id } })).version,
      content: reportContent({
        status: "IN_PROGRESS",
        progress: 40,
        confidence: "GREEN",
        note: "本月完成投资",
        nextSteps: null,
        blockers: null,
        evidenceLinks: [],
        monthInvestment: "1234.56",
      }),
    });
    expect(step.state).toBe("SUBMITTED");
    expect((await queryInvestmentTotals(t.db, null, reportYear)).completed).toBe(before.completed);
    await t.db.$transaction((tx) =>
      approve(tx, coordinator, { reportId: step.reportId, expectedRevision: step.revision, comment: null }, at),
    );
    const after = await queryInvestmentTotals(t.db, null, reportYear);
    expect(toCents(after.completed) - toCents(before.completed)).toBe(toCents("1234.56"));
    // The approval is in the item's history: the snapshot of its version carries the new 完成投资.
    const h = await t.db.itemHistory.findFirstOrThrow({ where: { itemId: item.id }, orderBy: { version: "desc" } });
    expect(h.action).toBe("PROGRESS_UPDATE");
    const snap = (h.snapshot as unknown as ItemSnapshot).investmentYears.find((y) => y.year === reportYear);
    const row = await t.db.itemInvestmentYear.findUniqueOrThrow({
      where: { itemId_year: { itemId: item.id, year: reportYear } },
    });
    expect(snap?.completed).toBe(row.completed?.toFixed(2));

    // The cumulative points: each month end's 完成投资 is the year's total as of then; the last is the moment.
    const points = await queryCumulativeByMonth(t.db, null, reportYear, new Date(at.getTime() + 1000));
    expect(points.at(-1)!.completed).toBe(after.completed);
    for (const p of points.slice(0, -1)) {
      const end = monthEnd(reportYear, p.month);
      expect(p.completed, `month ${p.month}`).toBe((await queryInvestmentTotals(t.db, end, reportYear)).completed);
    }
  });
});
