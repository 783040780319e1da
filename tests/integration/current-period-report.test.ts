// The dashboard's current-period widget and the report "as of the close of a period". The widget reads the
// period page's own fulfilment query, so its figures equal the page's, and each figure equals the rows of the
// list it links to; its deadline countdown follows the clock. A report as of a period's close equals the report
// at that instant (the same as-of path), and a change made after the close does not reach it. The clock is moved
// with setClock; only the session is stubbed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetClock, setClock } from "@/lib/clock";
import { renderReport } from "@/lib/export/render";
import { FULFILMENT_FIGURES } from "@/lib/report/bulletin";
import { queryHeadline, queryUnitAccountability } from "@/lib/queries/dashboard";
import { queryFulfilment, queryObligations } from "@/lib/queries/periods";
import { buildReport, queryReportPeriods } from "@/lib/queries/report";
import { parseReportParams } from "@/lib/validations/report";
import { closePeriod } from "@/lib/writes/period-close";
import { openDuePeriods } from "@/lib/writes/periods";
import { recordProgressUpdate } from "@/lib/writes/progress-update";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { fakeBulletinRenderer as fakeRender } from "../support/fake-renderers";
import { readDocx } from "../support/report-files";
import { signIn } from "../support/session";

/**
 * The report with every figure rounded to 9 decimals: PostgreSQL may sum a float aggregate's rows in another
 * order from one query to the next, which moves the last bits (the other figure tests allow the same 1e-9).
 */
function settled<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 1e9) / 1e9 : v,
  ) as T;
}

const data = await import("../../lib/data/periods");

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  signIn(await t.db.user.findUniqueOrThrow({ where: { loginName: "leader" } }));
});
afterAll(async () => t.drop());
afterEach(() => resetClock());

interface Obligation {
  item_id: number;
  unit_id: number;
}

async function report(periodId: number, o: Obligation, state: "SUBMITTED" | "APPROVED" | "RETURNED", at: Date) {
  await t.db.progressUpdate.create({
    data: {
      itemId: o.item_id,
      unitId: o.unit_id,
      periodId,
      state,
      submittedAt: at,
      createdAt: at,
      status: "IN_PROGRESS",
      progress: 50,
      confidence: "GREEN",
      note: "本月进展（测试）",
    },
  });
}

describe("the current-period widget", () => {
  // May 2032: monthly, deadline the 25th (China).
  const during = new Date("2032-05-10T02:00:00Z"); // 10:00 on 10 May in China
  let periodId: number;

  beforeAll(async () => {
    setClock(during);
    await openDuePeriods(t.db, during);
    periodId = (await t.db.reportingPeriod.findFirstOrThrow({ where: { label: "2032年5月" } })).id;
    const ob = await t.db.$queryRaw<Obligation[]>`
      SELECT item_id, unit_id FROM period_obligations WHERE period_id = ${periodId} ORDER BY id`;
    expect(ob.length).toBeGreaterThan(6);
    await report(periodId, ob[0]!, "APPROVED", new Date("2032-05-03T02:00:00Z"));
    await report(periodId, ob[1]!, "SUBMITTED", new Date("2032-05-04T02:00:00Z"));
    await report(periodId, ob[2]!, "RETURNED", new Date("2032-05-05T02:00:00Z"));
    await report(periodId, ob[3]!, "APPROVED", new Date("2032-05-06T02:00:00Z"));
  });

  it("shows the current period with the period page's figures, each equal to the rows its link opens", async () => {
    setClock(during);
    const widget = await data.getCurrentPeriodWidget();
    expect(widget).not.toBeNull();
    const w = widget!;
    expect(w.period).toMatchObject({ id: periodId, label: "2032年5月", deadline: "2032-05-25", phase: "OPEN" });
    expect(w.daysToDeadline).toBe(15);

    // The very figures of the period page (the one query), in all, by side and by unit.
    const page = await data.getPeriodPage(periodId, {});
    expect(w.fulfilment).toEqual(page.fulfilment);
    expect(w.fulfilment).toEqual(await queryFulfilment(t.db, periodId));
    expect(w.period.fulfilment).toEqual(w.fulfilment.total);
    expect(w.fulfilment.total).toMatchObject({ submitted: 3, approved: 2, returned: 1 });
    expect(w.fulfilment.total.missing).toBe(w.fulfilment.total.required - 4);

    // Each number is the length of the list behind its link (figure, side, unit: the page's URL parameters).
    for (const figure of FULFILMENT_FIGURES) {
      expect((await queryObligations(t.db, periodId, { figure })).length, figure).toBe(w.fulfilment.total[figure]);
      for (const s of w.fulfilment.sides)
        expect((await queryObligations(t.db, periodId, { figure, side: s.side })).length).toBe(s[figure]);
      for (const u of w.lagging.slice(0, data.CURRENT_PERIOD_UNITS)) {
        const listed = await data.getPeriodPage(periodId, { show: figure, unit: u.unitId });
        expect(listed.obligations?.length, `${u.unit} ${figure}`).toBe(u[figure]);
      }
    }

    // The units behind, the most behind first; a unit with everything approved is not among them.
    expect(w.lagging.length).toBeGreaterThan(0);
    for (const u of w.lagging) expect(u.required - u.approved).toBeGreaterThan(0);
    for (let i = 1; i < w.lagging.length; i++)
      expect(w.lagging[i - 1]!.missing).toBeGreaterThanOrEqual(w.lagging[i]!.missing);
  });

  it("counts down to the deadline and then counts the days past it", async () => {
    setClock("2032-05-25T15:59:00Z"); // 23:59 on the deadline day in China
    expect((await data.getCurrentPeriodWidget())?.daysToDeadline).toBe(0);
    setClock("2032-05-28T02:00:00Z");
    const late = await data.getCurrentPeriodWidget();
    expect(late).toMatchObject({ daysToDeadline: -3, period: { id: periodId, phase: "PAST_DEADLINE" } });
  });

  it("is empty when no period is open (custom periods, none current)", async () => {
    await t.db.cycleSettings.update({ where: { id: 1 }, data: { periodKind: "CUSTOM" } });
    try {
      setClock("2034-07-10T02:00:00Z");
      expect(await data.getCurrentPeriodWidget()).toBeNull();
    } finally {
      await t.db.cycleSettings.update({ where: { id: 1 }, data: { periodKind: "MONTHLY" } });
    }
  });
});

describe("a report as of the close of a period", () => {
  const opened = new Date("2033-03-10T02:00:00Z");
  const closeAt = new Date("2033-03-31T16:05:00Z"); // 00:05 on 1 April in China
  const later = new Date("2033-04-01T03:00:00Z"); // 11:00 the same day in China, after the close
  let periodId: number;

  beforeAll(async () => {
    await openDuePeriods(t.db, opened);
    periodId = (await t.db.reportingPeriod.findFirstOrThrow({ where: { label: "2033年3月" } })).id;
    expect(await closePeriod(t.db, periodId, { actorId: null, now: closeAt, render: fakeRender })).toMatchObject({
      closed: true,
    });
  });

  const periodRequest = async () => {
    const parsed = parseReportParams(
      new URLSearchParams(`period=${periodId}&compare=none`),
      new Date("2033-04-02T02:00:00Z"),
      await queryReportPeriods(t.db),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) throw new Error("refused");
    return { ...parsed.params, locale: "zh-CN" as const };
  };
  const GENERATED = new Date("2033-04-02T02:00:00Z");

  it("equals the report at the close instant, and a change after the close does not reach it", async () => {
    const request = await periodRequest();
    expect(request.asOf).toBe("2033-04-01");
    expect(request.period).toMatchObject({ id: periodId, closedAt: closeAt.toISOString() });

    // Nothing changed between the close (00:05) and the end of that day: the day's report is the same report.
    const atClose = await buildReport(t.db, request, GENERATED);
    const sameDay = await buildReport(t.db, { ...request, period: null }, GENERATED);
    expect(atClose.period).toMatchObject({ id: periodId, label: "2033年3月" });
    // "Days since the last update" counts to the moment: to the close (00:05) here, to the end of the day there.
    const withoutDays = (r: typeof atClose) => ({
      ...r,
      period: null,
      units: r.units.map((u) => ({ ...u, daysSinceLastUpdate: null })),
    });
    expect(settled(withoutDays(atClose))).toEqual(settled(withoutDays(sameDay)));
    // ...and it is the as-of machinery's own figure at the close instant.
    const moment = { before: closeAt, day: "2033-04-01" };
    const [headline, units] = await Promise.all([
      queryHeadline(t.db, moment, {}),
      queryUnitAccountability(t.db, moment, { key: "name", dir: "asc" }, {}, GENERATED),
    ]);
    expect(atClose.headline.items).toBe(headline.items);
    expect(atClose.headline.overallProgress).toBeCloseTo(headline.overall!, 9);
    const days = new Map(units.map((u) => [u.name, u.daysSinceUpdate]));
    for (const u of atClose.units) expect(u.daysSinceLastUpdate, u.unit).toBe(days.get(u.unit));

    // The report at the close shows each item as the close froze it.
    const frozen = await t.db.periodItemState.findMany({ where: { periodId } });
    expect(frozen.length).toBeGreaterThan(0);
    const byCode = new Map(atClose.items.map((i) => [i.code, i]));
    const codes = new Map(
      (
        await t.db.item.findMany({
          where: { id: { in: frozen.map((f) => f.itemId) } },
          select: { id: true, code: true },
        })
      ).map((i) => [i.id, i.code]),
    );
    for (const f of frozen) {
      const item = byCode.get(codes.get(f.itemId)!);
      if (item)
        expect({ status: item.status, version: item.version }).toEqual({ status: f.status, version: f.historyVersion });
    }

    // An update later that day reaches the day's report but not the report at the close.
    const target = atClose.items.find((i) => i.level === "ACTION" && i.status === "IN_PROGRESS")!;
    const item = await t.db.item.findUniqueOrThrow({ where: { code: target.code } });
    await t.db.$transaction((tx) =>
      recordProgressUpdate(
        tx,
        {
          itemId: item.id,
          authorId: null,
          unitId: item.leadUnitId,
          status: "IN_PROGRESS",
          progress: target.reportedProgress === 77 ? 78 : 77,
          confidence: "RED",
          note: "after the close",
        },
        { actorId: null, at: later },
      ),
    );
    const again = await buildReport(t.db, request, GENERATED);
    expect(settled(again)).toEqual(settled(atClose));
    const dayAfter = await buildReport(t.db, { ...request, period: null }, GENERATED);
    expect(dayAfter.items.find((i) => i.code === target.code)?.confidence).toBe("RED");
    expect(atClose.items.find((i) => i.code === target.code)?.confidence).not.toBe("RED");
  }, 120_000);

  it("names the period and its close instant in its files", async () => {
    const request = await periodRequest();
    const doc = await readDocx(await renderReport(await buildReport(t.db, request, GENERATED), "docx"));
    expect(doc.paragraphs).toContain("本报告反映2033年3月填报周期关闭时（2033-04-01 00:05）的状态。");
    const plain = await readDocx(
      await renderReport(await buildReport(t.db, { ...request, period: null }, GENERATED), "docx"),
    );
    expect(plain.paragraphs.some((p) => p.includes("填报周期关闭时"))).toBe(false);
  }, 120_000);

  it("refuses a period that is open, or unknown, by the parameter's name", async () => {
    const periods = await queryReportPeriods(t.db);
    const open = periods.find((p) => p.closedAt === null);
    expect(open).toBeDefined();
    const at = new Date("2033-04-02T02:00:00Z");
    expect(parseReportParams(new URLSearchParams(`period=${open!.id}`), at, periods)).toEqual({
      ok: false,
      issues: [{ param: "period", value: String(open!.id), message: "reports.errors.periodNotClosed" }],
    });
    expect(parseReportParams(new URLSearchParams("period=99999"), at, periods)).toMatchObject({
      ok: false,
      issues: [{ param: "period", message: "reports.errors.periodUnknown" }],
    });
  });
});
