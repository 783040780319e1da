// The report lifecycle (issue 14, item 3, and the 销号 rule of item 4), through the server actions as a form
// calls them, on a real seeded database: transitions and refusals, the coordinators' scope by side, races
// between deciders (and between a withdrawal and an approval), review turned off, 销号 on evidence, batches,
// lateness, and "as of" views that only ever show approved state. The clock is moved, never waited for.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetClock, setClock } from "../../lib/clock";
import { endOfDay } from "../../lib/dates";
import { loadItemView } from "../../lib/queries/item-view";
import { queryRecentUpdates } from "../../lib/queries/dashboard";
import { approve, withdraw } from "../../lib/writes/reports";
import { openDuePeriods } from "../../lib/writes/periods";
import { closePeriod } from "../../lib/writes/period-close";
import { queryObligations } from "../../lib/queries/periods";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import type { Prisma } from "../../lib/prisma-client";
import { sampleAccount, type TestAccount as Account } from "../support/actors";
import { signIn } from "../support/session";
import { form } from "../support/form-data";

type Actions = typeof import("../../lib/actions/reports") & typeof import("../../lib/actions/items");
type Answer = {
  ok: boolean;
  code?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  happened?: { state: string; action: string | null; by: string | null; at: string | null; comment: string | null };
  missing?: string[];
  data?: { reportId: number; revision: number; state: string; version: number; code: string } & Record<string, unknown>;
  outcomes?: { reportId: number; ok: boolean; failure?: string; message?: string }[];
};
interface TestItem {
  id: number;
  code: string;
}

let t: TestDatabase;
let actions: Actions;
let editor: Account, otherEditor: Account, viewer: Account, admin: Account;
/** the coordinators of Sichuan, Chongqing and the joint office */
let dubanSc: Account, dubanCq: Account, dubanJoint: Account;
/** open action items led by the editor's (Sichuan) unit alone */
let scItems: TestItem[];
/** an open action item led by Sichuan and co-led by Chongqing, with an editor of its lead unit */
let jointItem: TestItem;
let jointEditor: Account;

const itemOf = (id: number) => t.db.item.findUniqueOrThrow({ where: { id } });
const reportOf = (id: number) => t.db.progressUpdate.findUniqueOrThrow({ where: { id } });

async function reportForm(item: TestItem, extra: Record<string, string | number | null> = {}) {
  const { version } = await itemOf(item.id);
  return form({
    itemId: item.id,
    expectedVersion: version,
    status: "IN_PROGRESS",
    progress: 45,
    confidence: "AMBER",
    note: "本月完成主体工程招标",
    nextSteps: "下月开工",
    docNumber: "川发改〔2031〕12号",
    ...extra,
  });
}
const as = (a: Account) => signIn(a);
const call = async (fn: (prev: null, fd: FormData) => Promise<unknown>, fd: FormData) => (await fn(null, fd)) as Answer;

async function submitNew(who: Account, item: TestItem, extra: Record<string, string | number | null> = {}) {
  as(who);
  const r = await call(actions.postProgressUpdate, await reportForm(item, extra));
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return r.data!;
}
const decision = (reportId: number, expectedRevision: number, comment?: string) =>
  form({ reportId, expectedRevision, comment });

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  actions = { ...(await import("../../lib/actions/reports")), ...(await import("../../lib/actions/items")) };
  const account = (where: Prisma.UserWhereInput) => sampleAccount(t.db, where);
  admin = await account({ role: "ADMIN" });
  viewer = await account({ role: "VIEWER" });
  dubanSc = await account({ loginName: "duban.sc" });
  dubanCq = await account({ loginName: "duban.cq" });
  dubanJoint = await account({ loginName: "duban.joint" });
  // An editor of a Sichuan unit that alone leads at least four open action items.
  const editors = await t.db.user.findMany({
    where: { role: "EDITOR", disabled: false, unit: { side: "SICHUAN" } },
    orderBy: { id: "asc" },
  });
  for (const e of editors) {
    const led = await t.db.item.findMany({
      where: {
        leadUnitId: e.unitId,
        coLeadUnitId: null,
        retiredAt: null,
        level: "ACTION",
        status: { not: "COMPLETED" },
      },
      orderBy: { code: "asc" },
      select: { id: true, code: true },
    });
    if (led.length >= 4 && !editor) {
      editor = await account({ id: e.id });
      scItems = led;
    }
  }
  expect(scItems?.length).toBeGreaterThanOrEqual(4);
  otherEditor = await account({ role: "EDITOR", unitId: { not: editor.unitId }, unit: { side: "CHONGQING" } });
  const joint = await t.db.item.findFirstOrThrow({
    where: {
      level: "ACTION",
      retiredAt: null,
      leadUnit: { side: "SICHUAN", users: { some: { role: "EDITOR", disabled: false } } },
      coLeadUnit: { side: "CHONGQING" },
    },
    orderBy: { code: "asc" },
    select: { id: true, code: true, leadUnitId: true },
  });
  jointItem = joint;
  jointEditor = await account({ role: "EDITOR", unitId: joint.leadUnitId });
  setClock("2031-03-10T02:00:00Z");
});

afterEach(() => setClock("2031-03-10T02:00:00Z"));
afterAll(async () => {
  resetClock();
  await t?.drop();
});

describe("a report's lifecycle", () => {
  it("draft → submitted → returned → revised → approved: only the approval changes the item, each step recorded", async () => {
    const item = scItems[0]!;
    const before = await itemOf(item.id);

    as(editor);
    const draft = await call(actions.saveReportDraft, await reportForm(item));
    expect(draft).toMatchObject({ ok: true, data: { state: "DRAFT", revision: 1 } });
    const id = draft.data!.reportId;

    const submitted = await call(
      actions.postProgressUpdate,
      await reportForm(item, { reportId: id, expectedRevision: 1, progress: 50 }),
    );
    expect(submitted).toMatchObject({
      ok: true,
      message: "cycle.report.submitted",
      data: { state: "SUBMITTED", revision: 2 },
    });
    const period = await t.db.reportingPeriod.findFirstOrThrow({ where: { label: "2031年3月" } });
    expect(await reportOf(id)).toMatchObject({
      periodId: period.id,
      late: false,
      progress: 50,
      docNumber: "川发改〔2031〕12号",
    });
    // Nothing reaches the item while the report waits.
    expect(await itemOf(item.id)).toMatchObject({
      version: before.version,
      status: before.status,
      progress: before.progress,
    });

    // A coordinator of the other side may not decide it; one of the right side returns it.
    as(dubanCq);
    expect(await call(actions.approveReport, decision(id, 2))).toMatchObject({
      ok: false,
      code: "forbidden",
      message: "cycle.errors.notYourSide",
    });
    as(dubanSc);
    expect(await call(actions.returnReport, decision(id, 2, "请补充招标文件文号"))).toMatchObject({
      ok: true,
      data: { state: "RETURNED", revision: 3 },
    });
    expect(await reportOf(id)).toMatchObject({ reviewComment: "请补充招标文件文号", reviewerId: dubanSc.id });

    // The unit revises and resubmits; the coordinator approves.
    as(editor);
    expect(
      await call(
        actions.postProgressUpdate,
        await reportForm(item, { reportId: id, expectedRevision: 3, progress: 55 }),
      ),
    ).toMatchObject({ ok: true, data: { state: "SUBMITTED", revision: 4 } });
    as(dubanSc);
    const approved = await call(actions.approveReport, decision(id, 4, "同意"));
    expect(approved).toMatchObject({ ok: true, data: { state: "APPROVED", revision: 5, version: before.version + 1 } });

    expect(await itemOf(item.id)).toMatchObject({
      version: before.version + 1,
      status: "IN_PROGRESS",
      progress: 55,
      confidence: "AMBER",
    });
    const history = await t.db.itemHistory.findFirstOrThrow({
      where: { itemId: item.id, version: before.version + 1 },
    });
    expect(history).toMatchObject({ action: "PROGRESS_UPDATE", actorId: editor.id, progress: 55 });
    const events = await t.db.reportEvent.findMany({ where: { reportId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId, e.comment])).toEqual([
      ["SAVE", editor.id, null],
      ["SUBMIT", editor.id, null],
      ["RETURN", dubanSc.id, "请补充招标文件文号"],
      ["SUBMIT", editor.id, null],
      ["APPROVE", dubanSc.id, "同意"],
    ]);
    expect(events.every((e) => e.at.toISOString() === "2031-03-10T02:00:00.000Z")).toBe(true);
  });

  it("refuses steps the report's state or revision no longer allows, saying what happened, and writes nothing", async () => {
    const item = scItems[1]!;
    const { reportId } = await submitNew(editor, item);
    as(dubanSc);
    expect(await call(actions.approveReport, decision(reportId, 1))).toMatchObject({ ok: true });
    const events = await t.db.reportEvent.count({ where: { reportId } });

    // Approving again, withdrawing, or resubmitting an approved report: told who approved it and when.
    as(dubanJoint);
    const again = await call(actions.approveReport, decision(reportId, 1));
    expect(again).toMatchObject({ ok: false, code: "conflict", message: "cycle.errors.alreadyApproved" });
    expect(again.happened).toMatchObject({ state: "APPROVED", action: "APPROVE", by: dubanSc.displayName });
    as(editor);
    expect(await call(actions.withdrawReport, form({ reportId, expectedRevision: 2 }))).toMatchObject({
      ok: false,
      code: "conflict",
      message: "cycle.errors.state.APPROVED",
    });
    expect(
      await call(actions.postProgressUpdate, await reportForm(item, { reportId, expectedRevision: 2 })),
    ).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await t.db.reportEvent.count({ where: { reportId } })).toBe(events);

    // A submitted report is not saved back to a draft; a report id of another item is unknown.
    const second = await submitNew(editor, item);
    expect(
      await call(actions.saveReportDraft, await reportForm(item, { reportId: second.reportId, expectedRevision: 1 })),
    ).toMatchObject({ ok: false, code: "conflict", message: "cycle.errors.state.SUBMITTED" });
    expect(
      await call(
        actions.postProgressUpdate,
        await reportForm(scItems[2]!, { reportId: second.reportId, expectedRevision: 1 }),
      ),
    ).toMatchObject({ ok: false, code: "not-found" });

    // Another unit's editor, a viewer and a coordinator cannot withdraw or change it; its own unit can.
    for (const who of [otherEditor, viewer, dubanSc]) {
      as(who);
      expect(
        await call(actions.withdrawReport, form({ reportId: second.reportId, expectedRevision: 1 })),
      ).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    // Nor can an editor decide reports at all.
    as(editor);
    expect(await call(actions.approveReport, decision(second.reportId, 1))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await call(actions.withdrawReport, form({ reportId: second.reportId, expectedRevision: 1 }))).toMatchObject({
      ok: true,
      data: { state: "WITHDRAWN", revision: 2 },
    });
    expect(await reportOf(second.reportId)).toMatchObject({ state: "WITHDRAWN" });
  });

  it("postProgressUpdate submits a report (the item waits for review) and still answers a stale version as a conflict", async () => {
    const item = scItems[2]!;
    // The sample may already hold the unit's report of an earlier period awaiting review: count what this adds.
    const awaiting = () =>
      t.db.progressUpdate.count({ where: { itemId: item.id, unitId: editor.unitId, state: "SUBMITTED" } });
    const awaitingBefore = await awaiting();
    const before = await itemOf(item.id);
    as(editor);
    const posted = await call(actions.postProgressUpdate, await reportForm(item, { progress: 70 }));
    expect(posted).toMatchObject({ ok: true, data: { code: item.code, version: before.version, state: "SUBMITTED" } });
    expect(await itemOf(item.id)).toMatchObject({ version: before.version, progress: before.progress });
    const stale = await reportForm(item);
    stale.set("expectedVersion", String(before.version - 1));
    const refused = await call(actions.postProgressUpdate, stale);
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    // One report added by the post, none by the refused stale one.
    expect(await awaiting()).toBe(awaitingBefore + 1);
  });
});

describe("who reviews what", () => {
  it("a coordinator reviews items their side leads or co-leads; the joint office reviews both sides", async () => {
    // A Sichuan-led item: the joint office may decide it, the Chongqing office may not.
    const { reportId } = await submitNew(editor, scItems[3]!);
    as(dubanCq);
    expect(await call(actions.returnReport, decision(reportId, 1))).toMatchObject({ ok: false, code: "forbidden" });
    as(dubanJoint);
    expect(await call(actions.returnReport, decision(reportId, 1))).toMatchObject({ ok: true });

    // A Sichuan-led item co-led by Chongqing: both sides' offices may decide it.
    const a = await submitNew(jointEditor, jointItem);
    as(dubanCq);
    expect(await call(actions.approveReport, decision(a.reportId, 1))).toMatchObject({ ok: true });
    const b = await submitNew(jointEditor, jointItem);
    as(dubanSc);
    expect(await call(actions.approveReport, decision(b.reportId, 1))).toMatchObject({ ok: true });
    as(admin);
    const c = await submitNew(jointEditor, jointItem);
    as(admin);
    expect(await call(actions.returnReport, decision(c.reportId, 1, "管理员退回"))).toMatchObject({ ok: true });
  });
});

describe("races", () => {
  it("two coordinators deciding the same report at once: exactly one wins, the other is told", async () => {
    for (const [round, [first, second]] of (
      [
        ["approve", "approve"],
        ["approve", "return"],
      ] as const
    ).entries()) {
      // A moment of its own, so an approval always changes the item (lastUpdateAt) and writes history.
      setClock(`2031-03-11T0${round}:00:00Z`);
      const item = scItems[0]!;
      const { reportId } = await submitNew(editor, item);
      const before = await itemOf(item.id);
      const history = await t.db.itemHistory.count({ where: { itemId: item.id } });
      const step = (who: Account, kind: "approve" | "return") => {
        as(who);
        return call(kind === "approve" ? actions.approveReport : actions.returnReport, decision(reportId, 1));
      };
      const answers = await Promise.all([step(dubanSc, first), step(dubanJoint, second)]);
      expect(answers.filter((a) => a.ok)).toHaveLength(1);
      const loser = answers.find((a) => !a.ok)!;
      expect(loser).toMatchObject({ code: "conflict" });
      expect(["cycle.errors.alreadyApproved", "cycle.errors.alreadyReturned"]).toContain(loser.message);
      const report = await reportOf(reportId);
      expect(report.revision).toBe(2);
      expect(await t.db.reportEvent.count({ where: { reportId, action: { in: ["APPROVE", "RETURN"] } } })).toBe(1);
      const moved = report.state === "APPROVED" ? 1 : 0;
      expect(await t.db.itemHistory.count({ where: { itemId: item.id } })).toBe(history + moved);
      expect((await itemOf(item.id)).version).toBe(before.version + moved);
    }
  });

  it("a withdrawal racing an approval (in separate transactions, at the write level): exactly one wins", async () => {
    for (let round = 0; round < 4; round++) {
      const item = scItems[1]!;
      const { reportId } = await submitNew(editor, item);
      const at = new Date("2031-03-10T03:00:00Z");
      const outcomes = await Promise.allSettled([
        t.db.$transaction((tx) =>
          approve(tx, { ...dubanSc, role: "COORDINATOR" }, { reportId, expectedRevision: 1, comment: null }, at),
        ),
        t.db.$transaction((tx) => withdraw(tx, { ...editor, role: "EDITOR" }, { reportId, expectedRevision: 1 }, at)),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect((rejected.reason as { failure?: { code: string } }).failure?.code).toBe("conflict");
      const report = await reportOf(reportId);
      expect(["APPROVED", "WITHDRAWN"]).toContain(report.state);
      expect(await t.db.reportEvent.count({ where: { reportId } })).toBe(2);
    }
  });
});

describe("review turned off", () => {
  it("a submission is approved at once by the system, through the same approval, and the item moves as before", async () => {
    await t.db.cycleSettings.update({ where: { id: 1 }, data: { reviewRequired: false } });
    try {
      const item = scItems[2]!;
      const before = await itemOf(item.id);
      as(editor);
      const posted = await call(
        actions.postProgressUpdate,
        await reportForm(item, { progress: 80, confidence: "GREEN" }),
      );
      expect(posted).toMatchObject({ ok: true, data: { version: before.version + 1, state: "APPROVED" } });
      expect(posted.message).toBeUndefined();
      expect(await itemOf(item.id)).toMatchObject({ progress: 80, confidence: "GREEN" });
      const report = await reportOf(posted.data!.reportId);
      expect(report).toMatchObject({ state: "APPROVED", reviewerId: null, revision: 2 });
      const events = await t.db.reportEvent.findMany({ where: { reportId: report.id }, orderBy: { id: "asc" } });
      // The system's decision is recorded as such: an approval with no person.
      expect(events.map((e) => [e.action, e.actorId])).toEqual([
        ["SUBMIT", editor.id],
        ["APPROVE", null],
      ]);
      const history = await t.db.itemHistory.findFirstOrThrow({
        where: { itemId: item.id, version: before.version + 1 },
      });
      expect(history).toMatchObject({ action: "PROGRESS_UPDATE", actorId: editor.id });
      // A stale form is still a conflict, and writes nothing.
      const stale = await reportForm(item);
      stale.set("expectedVersion", String(before.version));
      expect(await call(actions.postProgressUpdate, stale)).toMatchObject({ ok: false, code: "conflict" });
      expect((await itemOf(item.id)).version).toBe(before.version + 1);
    } finally {
      await t.db.cycleSettings.update({ where: { id: 1 }, data: { reviewRequired: true } });
    }
  });
});

describe("销号: marking an item 已完成", () => {
  it("needs 申请销号 and evidence to be submitted, and a coordinator's approval, recorded as CLOSE_OUT", async () => {
    const item = scItems[3]!;
    as(editor);
    const bare = await call(actions.postProgressUpdate, await reportForm(item, { status: "COMPLETED" }));
    expect(bare).toMatchObject({ ok: false, code: "invalid", message: "cycle.errors.closeOut.both" });
    expect(bare.fieldErrors).toMatchObject({
      closesItem: ["cycle.errors.closesItemRequired"],
      evidence: ["cycle.errors.evidenceRequired"],
    });
    const marked = await call(
      actions.postProgressUpdate,
      await reportForm(item, { status: "COMPLETED", closesItem: "true" }),
    );
    expect(marked).toMatchObject({ ok: false, code: "invalid", message: "cycle.errors.closeOut.evidence" });

    // Save a draft, attach evidence to it (as the evidence uploader does), then submit it.
    const draft = await call(
      actions.saveReportDraft,
      await reportForm(item, { status: "COMPLETED", closesItem: "true" }),
    );
    const reportId = draft.data!.reportId;
    const missingMark = await call(
      actions.postProgressUpdate,
      await reportForm(item, { status: "COMPLETED", reportId, expectedRevision: 1 }),
    );
    expect(missingMark).toMatchObject({ ok: false, message: "cycle.errors.closeOut.both" });
    const content = Buffer.from("%PDF-1.4 evidence");
    await t.db.attachment.create({
      data: {
        reportId,
        fileName: "验收报告.pdf",
        mediaType: "application/pdf",
        size: content.length,
        sha256: "0".repeat(64),
        content,
      },
    });
    const submitted = await call(
      actions.postProgressUpdate,
      await reportForm(item, { status: "COMPLETED", closesItem: "true", reportId, expectedRevision: 1 }),
    );
    expect(submitted).toMatchObject({ ok: true, data: { state: "SUBMITTED" } });
    const before = await itemOf(item.id);
    expect(before.status).not.toBe("COMPLETED");

    as(dubanSc);
    expect(await call(actions.approveReport, decision(reportId, 2, "验收材料齐全，同意销号"))).toMatchObject({
      ok: true,
    });
    expect(await itemOf(item.id)).toMatchObject({ status: "COMPLETED", progress: 100, version: before.version + 1 });
    expect(
      await t.db.itemHistory.findFirstOrThrow({ where: { itemId: item.id, version: before.version + 1 } }),
    ).toMatchObject({
      action: "CLOSE_OUT",
      actorId: editor.id,
    });
    expect((await t.db.reportEvent.findFirstOrThrow({ where: { reportId }, orderBy: { id: "desc" } })).action).toBe(
      "CLOSE_OUT",
    );
  });

  it("refuses the approval of a 销号 report whose evidence was removed meanwhile", async () => {
    const item = scItems[0]!;
    as(editor);
    const draft = await call(
      actions.saveReportDraft,
      await reportForm(item, { status: "COMPLETED", closesItem: "true" }),
    );
    const reportId = draft.data!.reportId;
    const content = Buffer.from("%PDF-1.4 x");
    const file = await t.db.attachment.create({
      data: {
        reportId,
        fileName: "a.pdf",
        mediaType: "application/pdf",
        size: content.length,
        sha256: "1".repeat(64),
        content,
      },
    });
    expect(
      await call(
        actions.postProgressUpdate,
        await reportForm(item, { status: "COMPLETED", closesItem: "true", reportId, expectedRevision: 1 }),
      ),
    ).toMatchObject({ ok: true });
    await t.db.attachment.delete({ where: { id: file.id } });
    as(dubanSc);
    expect(await call(actions.approveReport, decision(reportId, 2))).toMatchObject({
      ok: false,
      code: "invalid",
      message: "cycle.errors.closeOut.evidence",
    });
    expect((await reportOf(reportId)).state).toBe("SUBMITTED");
  });
});

describe("deciding several reports at once", () => {
  it("answers each report on its own: the decidable ones are decided, a stale one is refused, nothing half-written", async () => {
    const items = [scItems[0]!, scItems[1]!, scItems[2]!];
    const reports: { reportId: number }[] = [];
    for (const item of items) reports.push(await submitNew(editor, item));
    // One of them is withdrawn before the coordinator decides.
    as(editor);
    await call(actions.withdrawReport, form({ reportId: reports[1]!.reportId, expectedRevision: 1 }));
    as(dubanSc);
    const batch = await call(
      actions.decideReports,
      form({ reports: reports.map((r) => `${r.reportId}:1`), decision: "return", comment: "请按模板重新填写" }),
    );
    expect(batch).toMatchObject({ ok: true, message: "cycle.review.batchPartly", data: { decided: 2 } });
    const outcomes = (batch.data as unknown as { outcomes: Answer["outcomes"] }).outcomes!;
    expect(outcomes.find((o) => o.reportId === reports[1]!.reportId)).toMatchObject({
      ok: false,
      failure: "conflict",
      message: "cycle.errors.alreadyWithdrawn",
    });
    for (const r of [reports[0]!, reports[2]!])
      expect(await reportOf(r.reportId)).toMatchObject({ state: "RETURNED", reviewComment: "请按模板重新填写" });

    // Only undecidable reports: the batch is refused as a whole, each report saying why.
    const refused = await call(
      actions.decideReports,
      form({ reports: [`${reports[0]!.reportId}:1`, `${reports[1]!.reportId}:1`], decision: "approve" }),
    );
    expect(refused).toMatchObject({ ok: false, code: "conflict", message: "cycle.review.batchRefused" });
    expect(refused.outcomes).toHaveLength(2);
    // Malformed input refuses the whole batch before anything is decided.
    expect(await call(actions.decideReports, form({ reports: ["1:x"], decision: "approve" }))).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await call(actions.decideReports, form({ decision: "approve" }))).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });
});

describe("lateness", () => {
  it("a report submitted after the deadline is late; one catching up an obligation a closed period found missing is late", async () => {
    const item = scItems[3]!;
    // After the 25th: late for March.
    setClock("2031-03-27T02:00:00Z");
    const late = await submitNew(editor, item);
    expect(await reportOf(late.reportId)).toMatchObject({ late: true });

    // April opens; close March with the item's obligation missing (as a period close would write it).
    setClock("2031-04-03T02:00:00Z");
    await openDuePeriods(t.db, new Date("2031-04-03T02:00:00Z"));
    const march = await t.db.reportingPeriod.findFirstOrThrow({ where: { label: "2031年3月" } });
    await t.db.periodObligation.updateMany({ where: { periodId: march.id }, data: { outcome: "MISSING" } });
    await t.db.reportingPeriod.update({
      where: { id: march.id },
      data: { closedAt: new Date("2031-04-01T00:00:00Z") },
    });
    const catchUp = await submitNew(editor, item);
    const april = await t.db.reportingPeriod.findFirstOrThrow({ where: { label: "2031年4月" } });
    expect(await reportOf(catchUp.reportId)).toMatchObject({ periodId: april.id, late: true });
    // The next report of April, before its deadline, is on time.
    const next = await submitNew(editor, item);
    expect(await reportOf(next.reportId)).toMatchObject({ periodId: april.id, late: false });
  });
  it("after a coordinator closes the period early, a report counts for the next period, late", async () => {
    const item = scItems[2]!;
    setClock("2031-05-06T02:00:00Z");
    await openDuePeriods(t.db, new Date("2031-05-06T02:00:00Z"));
    const may = await t.db.reportingPeriod.findFirstOrThrow({ where: { label: "2031年5月" } });
    const closed = await closePeriod(t.db, may.id, {
      actorId: dubanSc.id,
      now: new Date("2031-05-20T02:00:00Z"),
      early: true,
      render: async () => ({ docx: Buffer.from("docx"), pdf: Buffer.from("pdf") }),
    });
    expect(closed.closed).toBe(true);

    // Still May by the calendar, before its deadline, but May is closed: the report goes to June, late.
    setClock("2031-05-22T02:00:00Z");
    const afterClose = await submitNew(editor, item);
    const june = await t.db.reportingPeriod.findFirstOrThrow({ where: { label: "2031年6月" } });
    expect(june.openedAt).toBeNull();
    expect(await reportOf(afterClose.reportId)).toMatchObject({ periodId: june.id, late: true });

    // June opens on its own day and counts that report for the unit's obligation, as late.
    await openDuePeriods(t.db, new Date("2031-06-01T02:00:00Z"));
    const lateRows = await queryObligations(t.db, june.id, { figure: "late", unitId: editor.unitId! });
    expect(lateRows.map((r) => [r.code, r.reportId])).toContainEqual([item.code, afterClose.reportId]);
  });
});

describe("as-of views show approved state only", () => {
  it("a pending report changes neither the live nor the as-of item, nor the recent updates; its approval does", async () => {
    setClock("2031-04-05T02:00:00Z");
    const item = scItems[2]!;
    const view = async (before: Date | null) => {
      const v = await loadItemView(t.db, item.code, { before });
      if (!v || v === "not-yet") throw new Error("item view missing");
      return v;
    };
    const live = await view(null);
    const { reportId } = await submitNew(editor, item, {
      status: "ON_HOLD",
      progress: 12,
      confidence: "RED",
      note: "待审核的报告",
    });
    const later = endOfDay("2031-04-06");
    for (const v of [await view(null), await view(later)]) {
      expect(v).toMatchObject({ status: live.status, progress: live.progress, confidence: live.confidence });
      expect(v.updates.map((u) => u.id)).not.toContain(reportId);
    }
    expect((await queryRecentUpdates(t.db, { before: null, day: "2031-04-07" })).map((u) => u.id)).not.toContain(
      reportId,
    );

    setClock("2031-04-07T02:00:00Z");
    as(dubanSc);
    expect(await call(actions.approveReport, decision(reportId, 1))).toMatchObject({ ok: true });
    // As of the 6th (before the approval) still the old state; as of the 7th and live the approved one.
    expect(await view(later)).toMatchObject({ status: live.status, progress: live.progress });
    for (const v of [await view(null), await view(endOfDay("2031-04-07"))]) {
      expect(v).toMatchObject({ status: "ON_HOLD", progress: 12, confidence: "RED" });
      expect(v.updates[0]?.id).toBe(reportId);
    }
    expect((await queryRecentUpdates(t.db, { before: null, day: "2031-04-07" }))[0]?.id).toBe(reportId);
  });
});
