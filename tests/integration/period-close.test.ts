// Closing a reporting period: the outcomes it freezes (on time, late, returned, missing), the item states at the
// close, the 情况通报 files (read back as Word and PDF text), the database refusing every later change, exactly
// one of two racing closes winning, a close that sees its figures move re-rendering, and the cycle tick opening and
// closing periods as the clock moves — no sleeps: time is moved with setClock.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { now, resetClock, setClock } from "@/lib/clock";
import { renderBulletin } from "@/lib/export/bulletin";
import { tickCycle as tickPeriods } from "@/lib/jobs/tasks/cycle-tick";
import type { ObligationOutcome, ReportState } from "@/lib/generated/prisma/enums";
import { queryFulfilment, queryPeriodFile, queryPeriodComparison } from "@/lib/queries/periods";
import type { BulletinData, BulletinRenderer } from "@/lib/report/bulletin";
import { closeDuePeriods, closePeriod, sha256 } from "@/lib/writes/period-close";
import { openDuePeriods } from "@/lib/writes/periods";
import { recordProgressUpdate } from "@/lib/writes/progress-update";
import { fakeBulletinRenderer as fakeRender, fakeSupervisionRenderer } from "../support/fake-renderers";
import { readDocx, readPdf, squash } from "../support/report-files";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

/** The tick's other inputs, for the tests of its periods: 督办 files are laid out as plain text. */
const tickDeps = () => ({ client: t.db, render: fakeRender, renderSupervision: fakeSupervisionRenderer, now });

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
});
afterAll(async () => t.drop());
afterEach(() => resetClock());

interface Obligation {
  id: number;
  item_id: number;
  unit_id: number;
  code: string;
}

const obligationsOf = (periodId: number) =>
  t.db.$queryRaw<Obligation[]>`
    SELECT o.id, o.item_id, o.unit_id, i.code FROM period_obligations o JOIN items i ON i.id = o.item_id
     WHERE o.period_id = ${periodId} ORDER BY o.id`;

async function report(
  periodId: number,
  o: Obligation,
  state: ReportState,
  submittedAt: Date | null,
  extra: { late?: boolean } = {},
): Promise<number> {
  const r = await t.db.progressUpdate.create({
    data: {
      itemId: o.item_id,
      unitId: o.unit_id,
      periodId,
      state,
      submittedAt,
      createdAt: submittedAt ?? new Date("2031-03-02T02:00:00Z"),
      status: "IN_PROGRESS",
      progress: 40,
      confidence: "GREEN",
      note: "本月进展（测试）",
      late: extra.late ?? false,
    },
  });
  return r.id;
}

async function periodNamed(label: string) {
  return t.db.reportingPeriod.findFirstOrThrow({ where: { label } });
}

describe("closing a period", () => {
  // March 2031: deadline the 25th, closes the 31st (China time).
  const opened = new Date("2031-03-10T02:00:00Z");
  const closeAt = new Date("2031-03-31T16:05:00Z"); // 2031-04-01 00:05 in China
  let periodId: number;
  let ob: Obligation[];
  const reports: Record<string, number> = {};

  beforeAll(async () => {
    await openDuePeriods(t.db, opened);
    periodId = (await periodNamed("2031年3月")).id;
    ob = await obligationsOf(periodId);
    expect(ob.length).toBeGreaterThan(8);
    const [a, b, c, d, e, f, g] = ob;
    // a: approved, submitted on the deadline day (23:00 China) → on time
    reports.a = await report(periodId, a!, "APPROVED", new Date("2031-03-25T15:00:00Z"));
    // b: submitted the day after the deadline → late, still awaiting review
    reports.b = await report(periodId, b!, "SUBMITTED", new Date("2031-03-25T16:30:00Z"));
    // c: returned and not submitted again → returned
    reports.c = await report(periodId, c!, "RETURNED", new Date("2031-03-20T02:00:00Z"));
    // d: only a draft → missing; e: withdrawn → missing
    reports.d = await report(periodId, d!, "DRAFT", null);
    reports.e = await report(periodId, e!, "WITHDRAWN", new Date("2031-03-12T02:00:00Z"));
    // f: submitted early but carried over from a closed period, marked late → late
    reports.f = await report(periodId, f!, "SUBMITTED", new Date("2031-03-05T02:00:00Z"), { late: true });
    // g: a returned report, then a new one submitted on time and approved → on time, the approved one answers
    await report(periodId, g!, "RETURNED", new Date("2031-03-05T02:00:00Z"));
    reports.g = await report(periodId, g!, "APPROVED", new Date("2031-03-08T02:00:00Z"));
    // The item of `a` reaches 40 % (its approved state) before the close.
    await t.db.$transaction((tx) =>
      recordProgressUpdate(
        tx,
        {
          itemId: a!.item_id,
          authorId: null,
          unitId: a!.unit_id,
          status: "IN_PROGRESS",
          progress: 40,
          confidence: "AMBER",
          note: "approved state",
        },
        { actorId: null, at: new Date("2031-03-26T02:00:00Z") },
      ),
    );
  });

  it("is not due before its closing day is over, and the ticker's close closes it after", async () => {
    expect(await closePeriod(t.db, periodId, { actorId: null, now: opened, render: fakeRender })).toEqual({
      closed: false,
      reason: "not-due",
    });
    expect(await closeDuePeriods(t.db, new Date("2031-03-31T15:00:00Z"), fakeRender)).not.toContain(periodId);
    const closed = await closeDuePeriods(t.db, closeAt, renderBulletin);
    expect(closed).toContain(periodId);
    const period = await t.db.reportingPeriod.findUniqueOrThrow({ where: { id: periodId } });
    expect(period.closedAt).toEqual(closeAt);
    expect(period.closedById).toBeNull();
  }, 120_000);

  it("freezes each obligation's outcome, its report and that report's state", async () => {
    const rows = await t.db.periodObligation.findMany({ where: { periodId }, orderBy: { id: "asc" } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const expectOutcome = (o: Obligation, outcome: ObligationOutcome, reportId: number | null, state: string | null) =>
      expect(byId.get(o.id), o.code).toMatchObject({ outcome, reportId, reportState: state });
    expectOutcome(ob[0]!, "ON_TIME", reports.a!, "APPROVED");
    expectOutcome(ob[1]!, "LATE", reports.b!, "SUBMITTED");
    expectOutcome(ob[2]!, "RETURNED", reports.c!, "RETURNED");
    expectOutcome(ob[3]!, "MISSING", null, null);
    expectOutcome(ob[4]!, "MISSING", null, null);
    expectOutcome(ob[5]!, "LATE", reports.f!, "SUBMITTED");
    expectOutcome(ob[6]!, "ON_TIME", reports.g!, "APPROVED");
    for (const o of ob.slice(7)) expectOutcome(o, "MISSING", null, null);

    const f = await queryFulfilment(t.db, periodId);
    expect(f.total).toEqual({
      required: ob.length,
      submitted: 4,
      approved: 2,
      returned: 1,
      missing: ob.length - 5,
      late: 2,
    });
    expect(f.sides.reduce((n, s) => n + s.required, 0)).toBe(ob.length);
    expect(f.units.reduce((n, u) => n + u.missing, 0)).toBe(ob.length - 5);
  });

  it("freezes every item's approved state at the close, from history", async () => {
    const items = await t.db.item.count();
    const states = await t.db.periodItemState.findMany({ where: { periodId } });
    expect(states).toHaveLength(items);
    const a = states.find((s) => s.itemId === ob[0]!.item_id)!;
    const item = await t.db.item.findUniqueOrThrow({ where: { id: ob[0]!.item_id } });
    expect(a).toMatchObject({ status: "IN_PROGRESS", progress: 40, confidence: "AMBER", historyVersion: item.version });
    expect(a.snapshot).toMatchObject({ code: ob[0]!.code, retired: false });
  });

  it("stores the bulletin as Word and PDF with their sha256, readable as text", async () => {
    const files = await t.db.periodFile.findMany({ where: { periodId }, orderBy: { format: "asc" } });
    expect(files.map((f) => [f.format, f.fileName])).toEqual([
      ["docx", "情况通报-2031年3月.docx"],
      ["pdf", "情况通报-2031年3月.pdf"],
    ]);
    for (const f of files) expect(f.sha256).toBe(sha256(f.content));

    const docx = await readDocx(Buffer.from(files[0]!.content));
    const text = docx.paragraphs.join("\n");
    expect(text).toContain("2031年3月工作落实情况通报");
    expect(text).toContain(`本期共有报送任务${ob.length}项，已报送4项（其中按时2项、逾期2项），审核通过2项`);
    expect(text).toContain(`退回后未重新报送1项，未报送${ob.length - 5}项`);
    expect(text).toContain("2031年3月1日至2031年3月31日（报送截止2031年3月25日）");
    expect(text).toContain("2031/04/01 00:05按期关闭");
    // who is behind: the unit of the returned report is listed with its item's code
    const behindRow = docx.rows.find((r) => r.some((cell) => cell.includes(ob[2]!.code)));
    expect(behindRow).toBeDefined();

    const pdf = await readPdf(Buffer.from(files[1]!.content));
    const all = pdf.pages.join("");
    expect(all).toContain(squash("2031年3月工作落实情况通报"));
    expect(all).toContain(squash(`本期共有报送任务${ob.length}项`));
  });

  it("refuses any later change to the closed period's rows", async () => {
    await expect(
      t.db.periodObligation.updateMany({ where: { periodId }, data: { outcome: "ON_TIME" } }),
    ).rejects.toThrow(/closed/);
    await expect(t.db.periodItemState.deleteMany({ where: { periodId } })).rejects.toThrow(/closed/);
    await expect(
      t.db.periodFile.update({
        where: { periodId_format: { periodId, format: "pdf" } },
        data: { content: new Uint8Array([1]) },
      }),
    ).rejects.toThrow(/closed/);
    await expect(t.db.periodFile.deleteMany({ where: { periodId } })).rejects.toThrow(/closed/);
    await expect(
      t.db.$executeRaw`INSERT INTO period_obligations (period_id, item_id, unit_id, side)
                       SELECT ${periodId}, id, lead_unit_id, 'SICHUAN' FROM items WHERE level = 'RECOMMENDATION' LIMIT 1`,
    ).rejects.toThrow(/closed/);
    await expect(
      t.db.$executeRaw`UPDATE reporting_periods SET closed_at = NULL, closed_by_id = NULL WHERE id = ${periodId}`,
    ).rejects.toThrow(/closed/);
    // and a second close changes nothing
    expect(await closePeriod(t.db, periodId, { actorId: null, now: closeAt, render: fakeRender })).toEqual({
      closed: false,
      reason: "already-closed",
    });
  });

  it("downloads the same bytes twice, also after the items change later", async () => {
    const first = await queryPeriodFile(t.db, periodId, "docx");
    const states = await t.db.periodItemState.findMany({ where: { periodId }, orderBy: { itemId: "asc" } });
    await t.db.$transaction((tx) =>
      recordProgressUpdate(
        tx,
        {
          itemId: ob[0]!.item_id,
          authorId: null,
          unitId: ob[0]!.unit_id,
          status: "COMPLETED",
          progress: 100,
          confidence: "GREEN",
          note: "later",
        },
        { actorId: null, at: new Date("2031-04-03T02:00:00Z") },
      ),
    );
    const second = await queryPeriodFile(t.db, periodId, "docx");
    expect(Buffer.from(second!.content).equals(Buffer.from(first!.content))).toBe(true);
    expect(second!.sha256).toBe(first!.sha256);
    const pdf1 = await queryPeriodFile(t.db, periodId, "pdf");
    const pdf2 = await queryPeriodFile(t.db, periodId, "pdf");
    expect(Buffer.from(pdf1!.content).equals(Buffer.from(pdf2!.content))).toBe(true);
    expect(await t.db.periodItemState.findMany({ where: { periodId }, orderBy: { itemId: "asc" } })).toEqual(states);
  });
});

describe("racing and moving figures", () => {
  it("lets exactly one of two racing closes win", async () => {
    await openDuePeriods(t.db, new Date("2032-05-03T02:00:00Z"));
    const period = await periodNamed("2032年5月");
    const at = new Date("2032-05-20T02:00:00Z");
    const results = await Promise.all([
      closePeriod(t.db, period.id, { actorId: null, now: at, early: true, render: fakeRender }),
      closePeriod(t.db, period.id, { actorId: null, now: at, early: true, render: fakeRender }),
    ]);
    expect(results.filter((r) => r.closed)).toHaveLength(1);
    expect(results.filter((r) => !r.closed)).toEqual([{ closed: false, reason: "already-closed" }]);
    expect(await t.db.periodFile.count({ where: { periodId: period.id } })).toBe(2);
  });

  it("renders again when a report arrives while the files are laid out, so files and figures agree", async () => {
    await openDuePeriods(t.db, new Date("2032-07-03T02:00:00Z"));
    const period = await periodNamed("2032年7月");
    const [o] = await obligationsOf(period.id);
    const seen: BulletinData[] = [];
    const render: BulletinRenderer = async (data) => {
      seen.push(data);
      if (seen.length === 1) await report(period.id, o!, "SUBMITTED", new Date("2032-07-04T02:00:00Z"));
      return fakeRender(data);
    };
    const result = await closePeriod(t.db, period.id, {
      actorId: null,
      now: new Date("2032-07-10T02:00:00Z"),
      early: true,
      render,
    });
    expect(result.closed).toBe(true);
    expect(seen.map((d) => d.total.submitted)).toEqual([0, 1]);
    const file = await queryPeriodFile(t.db, period.id, "docx");
    expect(Buffer.from(file!.content).toString()).toBe(`docx ${JSON.stringify(seen[1]!.total)}`);
    expect((await queryFulfilment(t.db, period.id)).total.submitted).toBe(1);
  });

  it("refuses to close a period that has not opened", async () => {
    const p = await t.db.reportingPeriod.create({
      data: {
        kind: "CUSTOM",
        label: "未开始的周期",
        labelEn: "Not started",
        opensOn: new Date("2040-01-01"),
        deadline: new Date("2040-01-20"),
        closesOn: new Date("2040-01-31"),
      },
    });
    expect(
      await closePeriod(t.db, p.id, { actorId: null, now: new Date("2031-01-01"), early: true, render: fakeRender }),
    ).toEqual({ closed: false, reason: "not-open" });
    expect(
      await closePeriod(t.db, 987654, { actorId: null, now: new Date("2031-01-01"), early: true, render: fakeRender }),
    ).toEqual({ closed: false, reason: "not-found" });
    await t.db.reportingPeriod.delete({ where: { id: p.id } });
  });
});

describe("the cycle tick (lib/jobs: the crontab runs it every minute)", () => {
  it("opens a month when the clock reaches it and closes it once its last day is over", async () => {
    setClock("2033-09-10T02:00:00Z");
    const first = await tickPeriods(tickDeps());
    const september = await periodNamed("2033年9月");
    expect(first.opened).toContain(september.id);
    expect(first.closed).not.toContain(september.id);

    setClock("2033-09-30T15:59:00Z"); // 23:59 on the 30th in China: still open
    expect((await tickPeriods(tickDeps())).closed).not.toContain(september.id);

    setClock("2033-09-30T16:01:00Z"); // 00:01 on 1 October in China
    const third = await tickPeriods(tickDeps());
    const october = await periodNamed("2033年10月");
    expect(third.opened).toContain(october.id);
    expect(third.closed).toContain(september.id);
    expect((await t.db.reportingPeriod.findUniqueOrThrow({ where: { id: september.id } })).closedAt).toEqual(
      new Date("2033-09-30T16:01:00Z"),
    );
    // several instances ticking at once: nothing opens or closes twice
    setClock("2033-10-31T16:30:00Z");
    const ticks = await Promise.all([1, 2, 3].map(() => tickPeriods(tickDeps())));
    expect(ticks.flatMap((k) => k.closed).filter((id) => id === october.id)).toHaveLength(1);
    expect(await t.db.reportingPeriod.count({ where: { label: "2033年11月" } })).toBe(1);
  });

  it("compares two closed periods on their frozen states", async () => {
    const march = await periodNamed("2031年3月");
    const september = await periodNamed("2033年9月");
    const comparison = await queryPeriodComparison(
      t.db,
      { id: march.id, label: march.label, labelEn: march.labelEn, closedAt: march.closedAt! },
      { id: september.id, label: september.label, labelEn: september.labelEn, closedAt: september.closedAt! },
    );
    // The item completed after March's close shows as completed between the two periods.
    const [first] = await obligationsOf(march.id);
    const change = comparison.changes.find((c) => c.id === first!.item_id);
    expect(change?.kinds).toContain("completed");
    expect(change?.from?.status).toBe("IN_PROGRESS");
  });
});
