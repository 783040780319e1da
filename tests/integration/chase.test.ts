// The chase, walked day by day with the clock as a parameter (no sleeps): a period whose deadline (Fri 2026-10-09)
// falls just after 国庆节 (10-01…10-07 off) and the make-up Saturday 10-10, so the reminder (3 working days before:
// 09-29, across the holiday) and the 督办 (5 working days after: 10-15, counting Saturday 10-10) land where only
// the official calendar puts them. Every day the chase runs twice at once and then once more, and the test checks
// exactly which reminders, 催办, 督办 and escalations exist, to whom, and that the repeats made nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role, Side } from "../../lib/generated/prisma/enums";
import type { SupervisionNoticeData } from "../../lib/report/supervision";
import { addDays } from "../../lib/dates";
import { renderSupervision } from "../../lib/export/supervision";
import { changeItem } from "../../lib/writes/item-change";
import { periodSchedule, runChase, takeSupervisionNumber, type ChaseMade } from "../../lib/writes/chase";
import { openDuePeriods } from "../../lib/writes/periods";
import { acknowledgeSupervision, answerSupervision } from "../../lib/writes/supervisions";
import { Refusal } from "../../lib/writes/failure";
import { WorkCalendar } from "../../lib/workdays";
import { seed } from "../../prisma/seed/run";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

let t: TestDatabase;
const units: Record<string, number> = {};
const users: Record<string, number> = {};
const items: Record<string, number> = {};
let periodId: number;
const rendered: SupervisionNoticeData[] = [];
const fakeRender = async (data: SupervisionNoticeData) => {
  rendered.push(data);
  return { docx: Buffer.from(`docx ${data.number}`), pdf: Buffer.from(`pdf ${data.number}`) };
};

/** 09:00 in China on `day`. */
const morning = (day: string) => new Date(`${day}T09:00:00+08:00`);
const actor = (name: string) => ({ id: users[name]!, role: roleOf[name]!, unitId: unitOf[name] ?? null });
const roleOf: Record<string, Role> = {};
const unitOf: Record<string, number | null> = {};

async function addUser(name: string, role: Role, unit: string | null, scope: Side | null = null) {
  const u = await t.db.user.create({
    data: {
      loginName: `chase.${name}`,
      displayName: name,
      passwordHash: "!",
      role,
      unitId: unit === null ? null : units[unit]!,
      coordinatorScope: scope,
    },
  });
  users[name] = u.id;
  roleOf[name] = role;
  unitOf[name] = unit === null ? null : units[unit]!;
}

async function submitReport(unit: string, item: string, day: string) {
  await t.db.progressUpdate.create({
    data: {
      itemId: items[item]!,
      unitId: units[unit]!,
      status: "IN_PROGRESS",
      progress: 20,
      confidence: "GREEN",
      note: "测试报告",
      periodId,
      state: "SUBMITTED",
      submittedAt: new Date(`${day}T10:00:00+08:00`),
      createdAt: new Date(`${day}T10:00:00+08:00`),
    },
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db, { sample: false });
  await t.db.cycleSettings.update({ where: { id: 1 }, data: { periodKind: "CUSTOM" } });
  for (const [name, side] of [
    ["A", "SICHUAN"],
    ["B", "CHONGQING"],
    ["C", "SICHUAN"],
    ["D", "CHONGQING"],
    ["E", "CHONGQING"],
  ] as const) {
    units[name] = (await t.db.unit.create({ data: { name: `催办测试单位${name}`, side, kind: "DEPARTMENT" } })).id;
  }
  await addUser("a1", "EDITOR", "A");
  await addUser("a2", "EDITOR", "A");
  // A's 联络人: an account of the unit that is not an editor, so it hears the 催办 and 督办 but not the reminder.
  // A read-only account is leadership (领导) in this app, so it also hears every escalation, as "leader" does.
  await addUser("aContact", "VIEWER", "A");
  await addUser("b1", "EDITOR", "B");
  await addUser("c1", "EDITOR", "C");
  await addUser("d1", "EDITOR", "D");
  await addUser("e1", "EDITOR", "E");
  await addUser("sc", "COORDINATOR", null, "SICHUAN");
  await addUser("cq", "COORDINATOR", null, "CHONGQING");
  await addUser("joint", "COORDINATOR", null, "JOINT");
  await addUser("leader", "VIEWER", null);
  await addUser("admin", "ADMIN", null);
  await t.db.unit.update({ where: { id: units.A! }, data: { contactUserId: users.aContact! } });

  // Six action items of the document, one per unit (A two); E's is due 2026-09-10.
  const actions = await t.db.item.findMany({ where: { level: "ACTION" }, orderBy: { id: "asc" }, take: 6 });
  const owners = ["A", "A", "B", "C", "D", "E"];
  await t.db.$transaction(async (tx) => {
    for (const [i, item] of actions.entries()) {
      const name = `${owners[i]}${i}`;
      items[name] = item.id;
      await changeItem(
        tx,
        item.id,
        {
          action: "UPDATE",
          fields: {
            leadUnitId: units[owners[i]!]!,
            ...(owners[i] === "E" ? { dueDate: new Date("2026-09-10"), status: "IN_PROGRESS" as const } : {}),
          },
        },
        { actorId: null, at: new Date("2026-09-01T00:00:00Z") },
      );
    }
  });
  const period = await t.db.reportingPeriod.create({
    data: {
      kind: "CUSTOM",
      label: "2026年国庆测试周期",
      labelEn: "National Day test period",
      opensOn: new Date("2026-09-14"),
      deadline: new Date("2026-10-09"),
      closesOn: new Date("2026-10-31"),
    },
  });
  periodId = period.id;
  expect(await openDuePeriods(t.db, morning("2026-09-14"))).toEqual([periodId]);
  expect(await t.db.periodObligation.count({ where: { periodId } })).toBe(6);
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe("the chase's schedule", () => {
  it("counts the official calendar: the reminder crosses 国庆节, the 督办 counts make-up Saturday 10-10", () => {
    const due = periodSchedule(new WorkCalendar(), "2026-10-09", { reminderWorkdays: 3, superviseWorkdays: 5 });
    expect(due).toEqual({ reminderOn: "2026-09-29", urgeOn: "2026-10-09", superviseOn: "2026-10-15" });
    // A deadline on a day off is chased on the last working day before it.
    expect(periodSchedule(new WorkCalendar(), "2026-10-04", { reminderWorkdays: 3, superviseWorkdays: 5 }).urgeOn).toBe(
      "2026-09-30",
    );
  });
});

describe("walking the period day by day", () => {
  /** What each day makes: kind, unit and the people told (by name). Every other day makes nothing. */
  const expected: Record<string, string[]> = {
    "2026-09-29": ["REMINDER A a1,a2", "REMINDER B b1", "REMINDER C c1", "REMINDER D d1"],
    "2026-10-09": ["URGE A a1,a2,aContact", "URGE C c1", "URGE D d1"],
    "2026-10-12": ["SUPERVISION E e1"],
    "2026-10-15": ["SUPERVISION A a1,a2,aContact", "SUPERVISION D d1"],
    "2026-10-20": ["ESCALATION A aContact,sc,joint,leader"],
    "2026-10-23": ["ESCALATION D aContact,cq,joint,leader"],
  };
  /** What the units do during the walk (after that day's morning run). */
  const acts: Record<string, () => Promise<void>> = {
    // E reports early: no reminder; its item is still overdue, which is a 督办 of its own.
    "2026-09-25": () => submitReport("E", "E5", "2026-09-25"),
    // B reports the day before the deadline: a reminder, no 催办.
    "2026-10-08": () => submitReport("B", "B2", "2026-10-08"),
    // C reports late, before the 督办 day: reminder and 催办, no 督办.
    "2026-10-12": () => submitReport("C", "C3", "2026-10-12"),
    // E acknowledges and answers in time: no escalation.
    "2026-10-13": async () => {
      const s = await t.db.supervision.findFirstOrThrow({ where: { unitId: units.E! } });
      await acknowledgeSupervision(t.db, actor("e1"), s.id, new Date("2026-10-13T10:00:00+08:00"));
      await answerSupervision(t.db, actor("e1"), s.id, "已完成整改。", new Date("2026-10-14T10:00:00+08:00"));
    },
    // D acknowledges in time but never answers: escalated the working day after its reply-by date (10-22).
    "2026-10-16": async () => {
      const s = await t.db.supervision.findFirstOrThrow({ where: { unitId: units.D! } });
      await acknowledgeSupervision(t.db, actor("d1"), s.id, new Date("2026-10-16T10:00:00+08:00"));
    },
  };
  const nameOf = (id: number) => Object.entries(users).find(([, v]) => v === id)![0];
  const unitName = (id: number) => Object.entries(units).find(([, v]) => v === id)![0];
  const describeMade = (m: ChaseMade) => `${m.kind} ${unitName(m.unitId)} ${m.recipientIds.map(nameOf).join(",")}`;

  it("makes exactly the day's reminders, 催办, 督办 and escalations, once, to the right people", async () => {
    const seen: string[] = [];
    for (let day = "2026-09-21"; day <= "2026-10-27"; day = addDays(day, 1)) {
      const at = morning(day);
      // Two instances at once, then a repeat: together they make the day's things exactly once.
      const [one, two] = await Promise.all([
        runChase(t.db, at, { render: fakeRender }),
        runChase(t.db, new Date(at.getTime() + 1000), { render: fakeRender }),
      ]);
      const again = await runChase(t.db, new Date(at.getTime() + 60_000), { render: fakeRender });
      const made = [...one.made, ...two.made].map(describeMade).sort();
      expect(made, day).toEqual([...(expected[day] ?? [])].sort());
      expect(again.made, `${day} again`).toEqual([]);
      if (made.length > 0) seen.push(day);
      // The record and the notifications agree with what was made, and nothing is notified twice.
      for (const m of [...one.made, ...two.made]) {
        const event = await t.db.chaseEvent.findUniqueOrThrow({
          where: { key: m.key },
          include: { recipients: true, items: true },
        });
        expect(event.recipients.map((r) => r.userId).sort((a, b) => a - b)).toEqual(m.recipientIds);
        expect(event.items.length).toBeGreaterThan(0);
        const told = await t.db.notification.findMany({ where: { key: m.key } });
        expect(told.map((n) => n.userId).sort((a, b) => a - b)).toEqual(m.recipientIds);
      }
      await acts[day]?.();
    }
    expect(seen).toEqual(Object.keys(expected));
    expect(await t.db.chaseEvent.count()).toBe(Object.values(expected).flat().length);
    const notified = Object.values(expected)
      .flat()
      .reduce((n, line) => n + line.split(" ")[2]!.split(",").length, 0);
    expect(await t.db.notification.count()).toBe(notified);
  }, 600_000);

  it("numbers the 督办 per year in issue order, with reply-by dates in working days", async () => {
    const all = await t.db.supervision.findMany({ orderBy: { number: "asc" }, include: { items: true } });
    expect(all.map((s) => [unitName(s.unitId), `${s.prefix}〔${s.year}〕${s.number}号`])).toEqual([
      ["E", "川渝督〔2026〕1号"],
      ["A", "川渝督〔2026〕2号"],
      ["D", "川渝督〔2026〕3号"],
    ]);
    const [e, a, d] = all;
    expect(e).toMatchObject({ reason: "ITEM_OVERDUE", periodId: null });
    expect(e!.items).toMatchObject([{ itemId: items.E5, daysOverdue: 32 }]);
    // Issued Thu 10-15: 签收 by Mon 10-19 (2 working days), answer by Thu 10-22 (5 working days).
    expect([a!.acknowledgeBy, a!.replyBy].map((d) => d.toISOString().slice(0, 10))).toEqual([
      "2026-10-19",
      "2026-10-22",
    ]);
    expect(a!.items.map((i) => i.itemId).sort()).toEqual([items.A0, items.A1].sort());
    expect(a).toMatchObject({ escalation: "UNACKNOWLEDGED", acknowledgedAt: null });
    expect(d).toMatchObject({ escalation: "UNANSWERED", answeredAt: null });
    expect(e).toMatchObject({ escalation: null, answer: "已完成整改。" });
    // Every 督办 got its two files, once, with their sha256.
    const files = await t.db.supervisionFile.findMany({ orderBy: [{ supervisionId: "asc" }, { format: "asc" }] });
    expect(files.map((f) => [f.supervisionId, f.format])).toEqual(
      all.flatMap((s) => [
        [s.id, "docx"],
        [s.id, "pdf"],
      ]),
    );
    expect(files[0]!.fileName).toBe("督办通知单-川渝督〔2026〕1号.docx");
  });

  it("lets only the 督办's own unit (and administrators) acknowledge and answer, once", async () => {
    const a = await t.db.supervision.findFirstOrThrow({ where: { unitId: units.A! } });
    const at = new Date("2026-10-27T10:00:00+08:00");
    for (const other of ["b1", "sc", "joint", "leader", "aContact"]) {
      await expect(acknowledgeSupervision(t.db, actor(other), a.id, at), other).rejects.toMatchObject({
        failure: { code: "forbidden" },
      });
      await expect(answerSupervision(t.db, actor(other), a.id, "x", at), other).rejects.toBeInstanceOf(Refusal);
    }
    expect((await t.db.supervision.findUniqueOrThrow({ where: { id: a.id } })).acknowledgedAt).toBeNull();
    // Answering acknowledges too; a second answer (another editor of the unit) is refused, not overwritten.
    await answerSupervision(t.db, actor("a2"), a.id, "已补报。", at);
    await expect(answerSupervision(t.db, actor("a1"), a.id, "另一份反馈", at)).rejects.toMatchObject({
      failure: { code: "conflict" },
    });
    await expect(acknowledgeSupervision(t.db, actor("a1"), a.id, at)).rejects.toMatchObject({
      failure: { code: "conflict" },
    });
    const after = await t.db.supervision.findUniqueOrThrow({ where: { id: a.id } });
    expect(after).toMatchObject({ answer: "已补报。", answeredById: users.a2, acknowledgedById: users.a2 });
    // Escalated once: a late answer does not escalate it again, and nothing else is made.
    expect((await runChase(t.db, morning("2026-10-28"))).made).toEqual([]);
  });
});

describe("督办 numbers", () => {
  it("has no gaps and no duplicates when many issue at once and some roll back", async () => {
    const attempts = Array.from({ length: 16 }, (_, i) => i);
    const results = await Promise.allSettled(
      attempts.map((i) =>
        t.db.$transaction(async (tx) => {
          const n = await takeSupervisionNumber(tx, 2031);
          if (i % 3 === 0) throw new Error("rolled back");
          return n;
        }),
      ),
    );
    const committed = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])).sort((a, b) => a - b);
    expect(committed).toHaveLength(attempts.filter((i) => i % 3 !== 0).length);
    expect(committed).toEqual(committed.map((_, i) => i + 1));
  });
});

describe("the notice's files", () => {
  it("lays out the 督办通知单 as Word and PDF, the same bytes every time", async () => {
    const data: SupervisionNoticeData = {
      id: 1,
      number: "川渝督〔2026〕12号",
      reason: "PERIOD_MISSING",
      unit: "测试单位",
      period: "2026年10月",
      periodDeadline: "2026-10-09",
      issuedOn: "2026-10-15",
      acknowledgeBy: "2026-10-19",
      replyBy: "2026-10-22",
      issuedAt: "2026-10-15T01:00:00.000Z",
      items: [{ code: "1.1.1", title: "成渝中线高铁", dueDate: null, daysOverdue: null }],
      sampleData: false,
    };
    const first = await renderSupervision(data);
    const second = await renderSupervision(data);
    expect(first.docx.subarray(0, 2).toString()).toBe("PK");
    expect(first.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(second.docx.equals(first.docx)).toBe(true);
    expect(second.pdf.equals(first.pdf)).toBe(true);
  }, 120_000);
});
