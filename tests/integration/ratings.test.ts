// 考评: a small period history is built (reports on time, late, returned then approved, missing; an item overdue;
// 督办 answered on time, late, and one still not due at the close), the period is closed, and the rating the
// pages show (lib/data/ratings.ts) is recomputed from the raw records with SQL written here — the obligations'
// frozen outcomes, the review trail, the items' history as of the close, the 督办 rows and the weights row —
// and must match. Then records move after the close (a late answer, a late RETURN, new weights) and the
// period's rating must not. Permissions: an editor reads their own unit's figures and records only; a viewer
// reads the 红黑榜 of every unit; only an administrator sets the weights. Time is moved with setClock.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetClock, setClock } from "@/lib/clock";
import { closePeriod } from "@/lib/writes/period-close";
import { openDuePeriods } from "@/lib/writes/periods";
import { fileDatabase } from "../setup/test-db";
import { fakeBulletinRenderer as fakeRender } from "../support/fake-renderers";
import { interruptOf } from "../support/next-interrupts";
import { signInAs as signInAccount } from "../support/session";

vi.mock("next/navigation", async () => (await import("../support/next-interrupts")).navigationInterrupts);

const data = await import("../../lib/data/ratings");
const actions = await import("../../lib/actions/ratings");

const t = fileDatabase({ sample: true });
afterEach(() => resetClock());

const signInAs = (loginName: string) => signInAccount(t.db, loginName);

function form(values: Record<string, string | number>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, String(v));
  return f;
}

interface RawRating {
  obligations: number;
  on_time: number;
  reviewed: number;
  first_pass: number;
  items: number;
  overdue: number;
  supervisions: number;
  answered_on_time: number;
  pending: number;
  score: string | null;
}

/**
 * The rating of `unitId` in `periodId`, from the raw records, by SQL written for this test alone: item states
 * from item_history as of the close (not period_item_states), first-pass from report_events, 督办 from their
 * rows, the weights row in force at the close, and the score in exact numeric arithmetic.
 */
async function rawRating(periodId: number, unitId: number): Promise<RawRating> {
  const [row] = await t.db.$queryRaw<RawRating[]>`
    WITH p AS (
      SELECT id, opens_on, closes_on, closed_at,
             ((closed_at - interval '1 millisecond') AT TIME ZONE 'Asia/Shanghai')::date AS close_day
      FROM reporting_periods WHERE id = ${periodId}),
    w AS (
      SELECT r.* FROM rating_weights r, p WHERE r.set_at <= p.closed_at ORDER BY r.set_at DESC, r.id DESC LIMIT 1),
    ob AS (
      SELECT o.outcome, o.report_state,
             EXISTS (SELECT 1 FROM report_events e WHERE e.report_id = o.report_id AND e.action = 'RETURN'
                       AND e.at < p.closed_at) AS was_returned
      FROM period_obligations o, p WHERE o.period_id = p.id AND o.unit_id = ${unitId}),
    hist AS (
      SELECT DISTINCT ON (h.item_id) h.item_id, h.status, h.due_date, h.retired, h.lead_unit_id,
             (h.snapshot->>'coLeadUnitId')::int AS co_lead_unit_id, h.snapshot->>'level' AS level
      FROM item_history h, p WHERE h.changed_at < p.closed_at
      ORDER BY h.item_id, h.changed_at DESC, h.version DESC),
    it AS (
      SELECT hist.*, (hist.status <> 'COMPLETED' AND hist.due_date < p.close_day) AS is_overdue
      FROM hist, p
      WHERE hist.level = 'ACTION' AND NOT hist.retired AND hist.status <> 'CANCELLED'
        AND ${unitId} IN (hist.lead_unit_id, hist.co_lead_unit_id)),
    sv AS (
      SELECT (s.answered_at < p.closed_at
                AND s.answered_at < (s.reply_by + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS on_time,
             ((s.answered_at IS NULL OR s.answered_at >= p.closed_at)
                AND (s.reply_by + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' > p.closed_at) AS pending
      FROM supervisions s, p
      WHERE s.unit_id = ${unitId} AND s.issued_on BETWEEN p.opens_on AND p.closes_on AND s.issued_at < p.closed_at),
    c AS (
      SELECT (SELECT count(*) FROM ob)::int AS obligations,
             (SELECT count(*) FROM ob WHERE outcome = 'ON_TIME')::int AS on_time,
             (SELECT count(*) FROM ob WHERE report_state = 'APPROVED' OR was_returned)::int AS reviewed,
             (SELECT count(*) FROM ob WHERE report_state = 'APPROVED' AND NOT was_returned)::int AS first_pass,
             (SELECT count(*) FROM it)::int AS items,
             (SELECT count(*) FROM it WHERE is_overdue)::int AS overdue,
             (SELECT count(*) FROM sv)::int AS supervisions,
             (SELECT count(*) FROM sv WHERE on_time)::int AS answered_on_time,
             (SELECT count(*) FROM sv WHERE pending)::int AS pending),
    parts AS (
      SELECT w.on_time AS w, CASE WHEN c.obligations > 0 THEN c.on_time::numeric / c.obligations END AS v FROM c, w
      UNION ALL
      SELECT w.first_pass, CASE WHEN c.reviewed > 0 THEN c.first_pass::numeric / c.reviewed END FROM c, w
      UNION ALL
      SELECT w.overdue, CASE WHEN c.items > 0 THEN 1 - c.overdue::numeric / c.items END FROM c, w
      UNION ALL
      SELECT w.supervision, CASE WHEN c.supervisions - c.pending > 0
                                 THEN c.answered_on_time::numeric / (c.supervisions - c.pending) END FROM c, w)
    SELECT c.*,
           (SELECT round(100 * sum(w * v) / nullif(sum(w), 0), 1)::text FROM parts WHERE v IS NOT NULL) AS score
    FROM c`;
  return row!;
}

describe("考评 of a closed period", () => {
  // March 2031: deadline the 25th, closes the 31st; closed at 2031-04-01 00:05 China.
  const opened = new Date("2031-03-10T02:00:00Z");
  const closeAt = new Date("2031-03-31T16:05:00Z");
  let periodId: number, unitId: number, otherUnitId: number;
  let editorLogin: string;

  beforeAll(async () => {
    await openDuePeriods(t.db, opened);
    periodId = (await t.db.reportingPeriod.findFirstOrThrow({ where: { label: "2031年3月" } })).id;
    // The unit: an editor's unit with at least four obligations this period.
    const [pick] = await t.db.$queryRaw<{ unit_id: number; login: string }[]>`
      SELECT o.unit_id, min(u.login_name) AS login
      FROM period_obligations o JOIN users u ON u.unit_id = o.unit_id AND u.role = 'EDITOR' AND NOT u.disabled
      WHERE o.period_id = ${periodId}
      GROUP BY o.unit_id HAVING count(DISTINCT o.id) >= 4 ORDER BY o.unit_id LIMIT 1`;
    unitId = pick!.unit_id;
    editorLogin = pick!.login;
    const [other] = await t.db.$queryRaw<{ unit_id: number }[]>`
      SELECT unit_id FROM period_obligations WHERE period_id = ${periodId} AND unit_id <> ${unitId}
      ORDER BY unit_id LIMIT 1`;
    otherUnitId = other!.unit_id;

    const obligations = await t.db.periodObligation.findMany({
      where: { periodId, unitId },
      orderBy: { id: "asc" },
    });
    const report = async (i: number, state: "APPROVED" | "SUBMITTED", submittedAt: Date) => {
      const o = obligations[i]!;
      return t.db.progressUpdate.create({
        data: {
          itemId: o.itemId,
          unitId,
          periodId,
          state,
          submittedAt,
          createdAt: submittedAt,
          status: "IN_PROGRESS",
          progress: 50,
          confidence: "GREEN",
          note: "本月进展（测试）",
        },
      });
    };
    // 0: approved, first time, on time
    const first = await report(0, "APPROVED", new Date("2031-03-20T02:00:00Z"));
    await t.db.reportEvent.create({
      data: {
        reportId: first.id,
        itemId: first.itemId,
        periodId,
        action: "APPROVE",
        at: new Date("2031-03-21T02:00:00Z"),
      },
    });
    // 1: returned once, then approved, on time: no first pass
    const second = await report(1, "APPROVED", new Date("2031-03-18T02:00:00Z"));
    await t.db.reportEvent.createMany({
      data: [
        {
          reportId: second.id,
          itemId: second.itemId,
          periodId,
          action: "RETURN",
          at: new Date("2031-03-19T02:00:00Z"),
        },
        {
          reportId: second.id,
          itemId: second.itemId,
          periodId,
          action: "APPROVE",
          at: new Date("2031-03-22T02:00:00Z"),
        },
      ],
    });
    // 2: submitted after the deadline and not reviewed by the close: late, not counted for first pass
    await report(2, "SUBMITTED", new Date("2031-03-27T02:00:00Z"));
    // the rest: missing

    // The other unit: everything approved on time, first time.
    for (const o of await t.db.periodObligation.findMany({ where: { periodId, unitId: otherUnitId } })) {
      const r = await t.db.progressUpdate.create({
        data: {
          itemId: o.itemId,
          unitId: otherUnitId,
          periodId,
          state: "APPROVED",
          submittedAt: new Date("2031-03-15T02:00:00Z"),
          createdAt: new Date("2031-03-15T02:00:00Z"),
          status: "IN_PROGRESS",
          progress: 60,
          confidence: "GREEN",
          note: "本月进展（测试）",
        },
      });
      await t.db.reportEvent.create({
        data: { reportId: r.id, itemId: o.itemId, periodId, action: "APPROVE", at: new Date("2031-03-16T02:00:00Z") },
      });
    }

    // 督办 to the unit: answered on time; answered late; issued at the end and not due at the close; one issued
    // before the period (not this period's).
    const supervision = (n: number, issuedOn: string, replyBy: string, answeredAt: Date | null) =>
      t.db.supervision.create({
        data: {
          key: `rating-test:${n}`,
          year: 2031,
          number: 900 + n,
          prefix: "川渝督",
          unitId,
          reason: "ITEM_OVERDUE",
          issuedAt: new Date(`${issuedOn}T01:00:00Z`),
          issuedOn: new Date(issuedOn),
          acknowledgeBy: new Date(issuedOn),
          replyBy: new Date(replyBy),
          acknowledgedAt: answeredAt,
          answeredAt,
          answer: answeredAt ? "已办理（测试）" : null,
        },
      });
    await supervision(1, "2031-03-05", "2031-03-12", new Date("2031-03-12T10:00:00Z")); // 18:00 China on the day
    await supervision(2, "2031-03-06", "2031-03-13", new Date("2031-03-20T02:00:00Z"));
    await supervision(3, "2031-03-28", "2031-04-07", null);
    await supervision(4, "2031-02-20", "2031-02-27", null);

    const closed = await closePeriod(t.db, periodId, { actorId: null, now: closeAt, render: fakeRender });
    expect(closed.closed).toBe(true);
  });

  async function shownRow(unit: number) {
    await signInAs("leader");
    const page = await data.getRatingsPage({ period: periodId, unit });
    return { page, row: page.rating!.rows.find((r) => r.unitId === unit)! };
  }

  it("shows the figure the raw records give", async () => {
    const raw = await rawRating(periodId, unitId);
    const { page, row } = await shownRow(unitId);
    // The period's history as built: 2 on time of the unit's obligations, 1 of 2 reviewed passed first time,
    // 督办: 3 received, 1 not due at the close, 1 of the other 2 answered on time.
    expect(raw).toMatchObject({
      on_time: 2,
      reviewed: 2,
      first_pass: 1,
      supervisions: 3,
      pending: 1,
      answered_on_time: 1,
    });
    expect(raw.items).toBeGreaterThan(0);
    expect({
      obligations: row.obligations,
      onTime: row.onTime,
      reviewed: row.reviewed,
      firstPass: row.firstPass,
      items: row.items,
      overdue: row.overdue,
      supervisions: row.supervisions,
      answeredOnTime: row.answeredOnTime,
      pending: row.pending,
    }).toEqual({
      obligations: raw.obligations,
      onTime: raw.on_time,
      reviewed: raw.reviewed,
      firstPass: raw.first_pass,
      items: raw.items,
      overdue: raw.overdue,
      supervisions: raw.supervisions,
      answeredOnTime: raw.answered_on_time,
      pending: raw.pending,
    });
    expect(row.score).not.toBeNull();
    expect(row.score!.toFixed(1)).toBe(raw.score);
    // The weights shown are the ones in force at the close: the defaults.
    expect(page.rating!.weights.weights).toEqual({ onTime: 40, firstPass: 30, overdue: 20, supervision: 10 });
    // The records behind the figures: each judged as counted.
    const records = page.detail!.records;
    expect(records.obligations.filter((o) => o.firstPass)).toHaveLength(1);
    expect(records.obligations.filter((o) => o.reviewed)).toHaveLength(2);
    expect(records.items.filter((i) => i.overdue)).toHaveLength(raw.overdue);
    expect(records.supervisions.map((s) => s.judgement)).toEqual(["ON_TIME", "LATE", "PENDING"]);
    // The other unit, all on time and first time, ranks above.
    const other = page.rating!.rows.find((r) => r.unitId === otherUnitId)!;
    expect(other.score!.toFixed(1)).toBe((await rawRating(periodId, otherUnitId)).score);
    expect(other.rank!).toBeLessThan(row.rank!);
  });

  it("does not move when records move after the close, nor when the weights change", async () => {
    const before = (await shownRow(unitId)).row;
    // The pending 督办 is answered after the close; a RETURN lands on the first-pass report after the close.
    const pending = await t.db.supervision.findUniqueOrThrow({ where: { key: "rating-test:3" } });
    await t.db.supervision.update({
      where: { id: pending.id },
      data: {
        acknowledgedAt: new Date("2031-04-02T02:00:00Z"),
        answeredAt: new Date("2031-04-02T02:00:00Z"),
        answer: "已办理",
      },
    });
    const firstPass = await t.db.periodObligation.findFirstOrThrow({
      where: { periodId, unitId, reportState: "APPROVED" },
      orderBy: { id: "asc" },
    });
    await t.db.reportEvent.create({
      data: {
        reportId: firstPass.reportId!,
        itemId: firstPass.itemId,
        periodId,
        action: "RETURN",
        at: new Date("2031-04-03T02:00:00Z"),
      },
    });
    // New weights, set after the close.
    setClock(new Date("2031-04-05T02:00:00Z"));
    await signInAs("admin");
    expect(
      await actions.updateRatingWeights(null, form({ onTime: 10, firstPass: 10, overdue: 10, supervision: 70 })),
    ).toMatchObject({ ok: true, message: "ratings.settings.saved" });

    const { page, row: after } = await shownRow(unitId);
    expect(after).toEqual(before);
    expect(page.rating!.weights.weights).toEqual({ onTime: 40, firstPass: 30, overdue: 20, supervision: 10 });
    expect((await rawRating(periodId, unitId)).score).toBe(after.score!.toFixed(1));
    // The weights in force now are the new ones (they rate the periods closed from now on).
    await signInAs("admin");
    const settings = await data.getRatingSettings();
    expect(settings.current.weights).toEqual({ onTime: 10, firstPass: 10, overdue: 10, supervision: 70 });
  });

  it("lets an editor read their own unit's figures and records only", async () => {
    await signInAs(editorLogin);
    const own = await data.getRatingsPage({ period: periodId });
    expect(own.rating!.seesAll).toBe(false);
    expect(own.rating!.rows.map((r) => r.unitId)).toEqual([unitId]);
    expect(own.detail!.unitId).toBe(unitId);
    expect(own.detail!.records.obligations.length).toBeGreaterThan(0);
    // Another unit's figures: refused on the server, from the page's read and the export's.
    expect(await interruptOf(data.getRatingsPage({ period: periodId, unit: otherUnitId }))).toBe("forbidden");
    const editor = await t.db.user.findUniqueOrThrow({ where: { loginName: editorLogin } });
    const exported = await data.getRatingExport(
      { ...editor, unitName: null, coordinatorScope: editor.coordinatorScope },
      periodId,
    );
    expect(exported!.rows.map((r) => r.unitId)).toEqual([unitId]);
    // The dashboard's panel: their own unit's line, no 红黑榜.
    const panel = await data.getDashboardRating(undefined);
    expect(panel!.rating!.rows.map((r) => r.unitId)).toEqual([unitId]);
  });

  it("lets leadership read every unit's ranking, and only administrators set the weights", async () => {
    await signInAs("leader");
    const page = await data.getRatingsPage({});
    expect(page.rating!.seesAll).toBe(true);
    expect(page.rating!.period.id).toBe(periodId); // the latest closed period by default
    expect(page.rating!.rows.map((r) => r.unitId)).toEqual(expect.arrayContaining([unitId, otherUnitId]));
    expect(page.rating!.rows.some((r) => r.board === "RED")).toBe(true);
    const panel = await data.getDashboardRating(undefined);
    expect(panel!.rating!.rows.length).toBe(page.rating!.rows.length);
    // An open period has no rating; an unknown one is not found.
    await openDuePeriods(t.db, new Date("2031-04-02T02:00:00Z"));
    const open = await t.db.reportingPeriod.findFirstOrThrow({ where: { label: "2031年4月" } });
    expect(open.closedAt).toBeNull();
    expect(await interruptOf(data.getRatingsPage({ period: open.id }))).toBe("not-found");
    expect(await interruptOf(data.getRatingsPage({ period: 2_000_000_000 }))).toBe("not-found");

    for (const login of ["leader", editorLogin, "duban.joint"]) {
      await signInAs(login);
      expect(
        await actions.updateRatingWeights(null, form({ onTime: 1, firstPass: 1, overdue: 1, supervision: 1 })),
      ).toMatchObject({ ok: false, code: "forbidden" });
      expect(await interruptOf(data.getRatingSettings())).toBe("forbidden");
    }
    await signInAs("admin");
    const rows = await t.db.ratingWeights.count();
    expect(
      await actions.updateRatingWeights(null, form({ onTime: 0, firstPass: 0, overdue: 0, supervision: 0 })),
    ).toMatchObject({ ok: false, code: "invalid", fieldErrors: { onTime: ["ratings.validation.allZero"] } });
    expect(
      await actions.updateRatingWeights(null, form({ onTime: "101", firstPass: 1, overdue: 1, supervision: 1 })),
    ).toMatchObject({ ok: false, code: "invalid" });
    expect(await t.db.ratingWeights.count()).toBe(rows);
    // A row, once written, never changes.
    await expect(t.db.$executeRaw`UPDATE rating_weights SET on_time = 1`).rejects.toThrow(/append-only/);
  });
});
