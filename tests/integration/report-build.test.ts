// buildReport against independent SQL on the sample data, and a report as of a past day with a controlled
// change after it: the earlier report keeps the earlier values, and the later report's "changes since"
// lists exactly what changed between the two days.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemStatesSql } from "../../lib/queries/as-of";
import { endOfDay, todayInChina } from "../../lib/dates";
import { queryHeadline, queryPillarProgress } from "../../lib/queries/dashboard";
import { Prisma } from "../../lib/generated/prisma/client";
import { changeItem } from "../../lib/writes/item-change";
import { buildReport, ReportScopeNotFoundError } from "../../lib/queries/report";
import type { ReportRequest } from "../../lib/report/types";
import { queryItemRollUp } from "../../lib/queries/rollup";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

const DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const request = (over: Partial<ReportRequest>): ReportRequest => ({
  scope: { kind: "all" },
  asOf: todayInChina(),
  compare: null,
  locale: "zh-CN",
  ...over,
});

describe("buildReport", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
  });
  afterAll(async () => t.drop());

  it("matches the dashboard's headline and pillar figures for the whole portfolio on a past day", async () => {
    const day = addDays(todayInChina(), -75);
    const moment = { before: endOfDay(day), day };
    const [report, headline, pillars] = await Promise.all([
      buildReport(t.db, request({ asOf: day })),
      queryHeadline(t.db, moment),
      queryPillarProgress(t.db, moment),
    ]);
    expect(report.headline.items).toBe(headline.items);
    expect(report.headline.completed).toBe(headline.completed);
    expect(report.headline.overdue).toBe(headline.overdue);
    expect(report.headline.stale).toBe(headline.stale);
    expect([report.headline.onTrack, report.headline.atRisk, report.headline.offTrack]).toEqual([
      headline.green,
      headline.amber,
      headline.red,
    ]);
    expect(report.headline.overallProgress).toBeCloseTo(headline.overall!, 9);
    expect(report.pillars.map((p) => p.number)).toEqual(pillars.map((p) => p.number));
    for (const p of report.pillars) {
      const d = pillars.find((x) => x.number === p.number)!;
      expect(p.progress).toBeCloseTo(d.progress!, 9);
      expect([p.items, p.completed, p.overdue]).toEqual([d.actions, d.completed, d.overdue]);
      expect(p.title).toBe(d.title);
    }
    // every item in the report carries its state as of that day, read straight from history
    const states = await t.db.$queryRaw<{ code: string; status: string; progress: number | null; version: number }[]>(
      Prisma.sql`SELECT code, status, progress, version FROM ${itemStatesSql(endOfDay(day))} s WHERE NOT retired`,
    );
    expect(report.items.length).toBe(states.length);
    const byCode = new Map(states.map((s) => [s.code, s]));
    for (const it of report.items) {
      const s = byCode.get(it.code)!;
      expect([it.status, it.reportedProgress, it.version]).toEqual([s.status, s.progress, s.version]);
    }
  });

  it("restricts every figure to a unit's lead and co-led items", async () => {
    const day = addDays(todayInChina(), -20);
    const [unit] = await t.db.$queryRaw<{ id: number; name: string }[]>(Prisma.sql`
      SELECT u.id, u.name FROM units u JOIN items i ON i.lead_unit_id = u.id GROUP BY u.id ORDER BY count(*) DESC LIMIT 1`);
    const report = await buildReport(t.db, request({ asOf: day, scope: { kind: "unit", unitId: unit!.id } }));
    const [expected] = await t.db.$queryRaw<
      { items: number; completed: number; overdue: number; red: number }[]
    >(Prisma.sql`
      SELECT count(*)::int AS items,
             count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
             count(*) FILTER (WHERE status NOT IN ('COMPLETED', 'CANCELLED') AND due_date < ${day}::date)::int AS overdue,
             count(*) FILTER (WHERE status NOT IN ('COMPLETED', 'CANCELLED') AND confidence = 'RED')::int AS red
      FROM ${itemStatesSql(endOfDay(day))} s
      WHERE level = 'ACTION' AND NOT retired AND (lead_unit_id = ${unit!.id} OR co_lead_unit_id = ${unit!.id})`);
    expect(expected!.items).toBeGreaterThan(0);
    expect(report.headline).toMatchObject({
      items: expected!.items,
      completed: expected!.completed,
      overdue: expected!.overdue,
      offTrack: expected!.red,
    });
    expect(report.scopeLabel).toContain(unit!.name);
    expect(report.items.every((i) => i.leadUnit === unit!.name || i.coLeadUnit === unit!.name)).toBe(true);
    expect(report.units.find((u) => u.unit === unit!.name)).toBeDefined();
  });

  it("labels in the report's language and refuses a scope that does not exist", async () => {
    const en = await buildReport(t.db, request({ scope: { kind: "pillar", pillarNumber: 2 }, locale: "en" }));
    const [p] = await t.db.$queryRaw<{ title_en: string }[]>(Prisma.sql`SELECT title_en FROM pillars WHERE number = 2`);
    expect(en.scopeLabel).toContain(p!.title_en);
    expect(en.pillars.map((x) => x.number)).toEqual([2]);
    await expect(buildReport(t.db, request({ scope: { kind: "unit", unitId: 999_999 } }))).rejects.toBeInstanceOf(
      ReportScopeNotFoundError,
    );
  });

  describe("a change between two report days", () => {
    type OpenItem = {
      id: number;
      code: string;
      status: string;
      confidence: string | null;
      progress: number;
      dueDate: Date;
      version: number;
    };
    let d1: string;
    let d2: string;
    let first: OpenItem;
    let second: { id: number; code: string; version: number };
    const REASON = "受征地进度影响，调整完成时限";

    beforeAll(async () => {
      // Days after every recorded change, so the only history between them is the change made here.
      const [last] = await t.db.$queryRaw<{ at: Date }[]>(Prisma.sql`
        SELECT greatest((SELECT max(changed_at) FROM item_history), (SELECT max(created_at) FROM progress_updates)) AS at`);
      d1 = addDays(todayInChina(last!.at), 1);
      d2 = addDays(d1, 3);
      const open = await t.db.$queryRaw<OpenItem[]>(Prisma.sql`
        SELECT id, code, status::text, confidence::text, progress, due_date AS "dueDate", version FROM items
        WHERE level = 'ACTION' AND retired_at IS NULL AND status = 'IN_PROGRESS' AND confidence IN ('GREEN', 'AMBER')
          AND progress BETWEEN 10 AND 80 AND due_date > ${d2}::date
        ORDER BY code LIMIT 2`);
      first = open[0]!;
      second = open[1]!;
      const at = new Date(endOfDay(d1).getTime() + 12 * 3600_000); // noon of the next day, China
      await t.db.$transaction(async (tx) => {
        await changeItem(
          tx,
          first.id,
          {
            action: "UPDATE",
            expectedVersion: first.version,
            fields: {
              status: "ON_HOLD",
              confidence: "RED",
              progress: first.progress - 5,
              dueDate: new Date(`${addDays(d1, 1)}T00:00:00Z`),
            },
          },
          { actorId: null, at, reason: REASON },
        );
        await changeItem(
          tx,
          second.id,
          { action: "UPDATE", expectedVersion: second.version, fields: { status: "COMPLETED", progress: 100 } },
          { actorId: null, at },
        );
      });
    });

    it("shows the earlier values in the report as of the earlier day", async () => {
      const report = await buildReport(t.db, request({ asOf: d1 }));
      const item = report.items.find((i) => i.code === first.code)!;
      expect(item).toMatchObject({
        status: first.status,
        confidence: first.confidence,
        reportedProgress: first.progress,
        version: first.version,
        overdue: false,
      });
      expect(item.dueDate).toBe(first.dueDate.toISOString().slice(0, 10));
      expect(report.items.find((i) => i.code === second.code)!.status).toBe("IN_PROGRESS");
      const later = await buildReport(t.db, request({ asOf: d2 }));
      expect(later.items.find((i) => i.code === first.code)).toMatchObject({
        status: "ON_HOLD",
        confidence: "RED",
        reportedProgress: first.progress - 5,
        overdue: true,
      });
      expect(later.headline.completed).toBe(report.headline.completed + 1);
    });

    it("lists exactly the changes between the two days", async () => {
      const report = await buildReport(t.db, request({ asOf: d2, compare: d1 }));
      const changes = report.changes!;
      expect(changes.since).toBe(d1);
      expect(changes.newlyCompleted.map((c) => c.code)).toEqual([second.code]);
      expect(changes.statusDowngrades).toEqual([
        expect.objectContaining({ code: first.code, kind: "status", from: "IN_PROGRESS", to: "ON_HOLD" }),
        expect.objectContaining({ code: first.code, kind: "confidence", from: first.confidence, to: "RED" }),
      ]);
      expect(changes.dueDateRevisions).toEqual([
        expect.objectContaining({
          code: first.code,
          from: first.dueDate.toISOString().slice(0, 10),
          to: addDays(d1, 1),
          reason: REASON,
        }),
      ]);
      // Newly overdue: the item whose date moved into the past, plus any open item whose due date simply
      // passed between the two days (computed here from history, independently of the report).
      const passed = await t.db.$queryRaw<{ code: string }[]>(Prisma.sql`
        SELECT b.code FROM ${itemStatesSql(endOfDay(d2))} b JOIN ${itemStatesSql(endOfDay(d1))} a ON a.id = b.id
        WHERE NOT b.retired AND b.status NOT IN ('COMPLETED', 'CANCELLED') AND b.due_date < ${d2}::date
          AND NOT (NOT a.retired AND a.status NOT IN ('COMPLETED', 'CANCELLED') AND a.due_date < ${d1}::date)`);
      expect(changes.newlyOverdue.map((c) => c.code).sort()).toEqual(passed.map((p) => p.code).sort());
      expect(changes.newlyOverdue.map((c) => c.code)).toContain(first.code);
      // Progress moves: exactly the items whose rolled-up progress differs between the two moments.
      const [before, after] = await Promise.all([
        queryItemRollUp(t.db, endOfDay(d1)),
        queryItemRollUp(t.db, endOfDay(d2)),
      ]);
      const codes = new Map(
        (await t.db.item.findMany({ select: { id: true, code: true } })).map((i) => [i.id, i.code]),
      );
      const moved = [...after.entries()]
        .filter(([id, v]) => Math.abs(v - (before.get(id) ?? 0)) > 1e-9)
        .map(([id]) => codes.get(id)!);
      expect(changes.progressMoves.map((m) => m.code).sort()).toEqual(moved.sort());
      const move = changes.progressMoves.find((m) => m.code === first.code)!;
      expect([move.from, move.to, move.delta]).toEqual([first.progress, first.progress - 5, -5]);
    });
  });
});
