// The chase, walked day by day with the clock as a parameter (no sleeps) through the world of
// tests/support/chase-fixture.ts, whose period's reminder and 督办 land where only the official calendar (国庆节,
// the make-up Saturday 10-10) puts them. Every day the chase runs twice at once and then once more, and the test checks
// exactly which reminders, 催办, 督办 and escalations exist, to whom, and that the repeats made nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SupervisionNoticeData } from "../../lib/report/supervision";
import { addDays } from "../../lib/dates";
import { renderSupervision } from "../../lib/export/supervision";
import { renderBulletin } from "../../lib/export/bulletin";
import { queryBulletinData } from "../../lib/queries/periods";
import type { BulletinData } from "../../lib/report/bulletin";
import { closeDuePeriods } from "../../lib/writes/period-close";
import { cells, readDocx, readPdf, squash } from "../support/report-files";
import { periodSchedule, runChase, takeSupervisionNumber } from "../../lib/writes/chase";
import { acknowledgeSupervision, answerSupervision } from "../../lib/writes/supervisions";
import { Refusal } from "../../lib/writes/failure";
import { WorkCalendar } from "../../lib/workdays";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { buildChaseWorld, morning, WALK_DAYS, WALK_EXPECTED, type ChaseWorld } from "../support/chase-fixture";

let t: TestDatabase;
let world: ChaseWorld;
let units: ChaseWorld["units"];
let users: ChaseWorld["users"];
let items: ChaseWorld["items"];
const rendered: SupervisionNoticeData[] = [];
const fakeRender = async (data: SupervisionNoticeData) => {
  rendered.push(data);
  return { docx: Buffer.from(`docx ${data.number}`), pdf: Buffer.from(`pdf ${data.number}`) };
};
const actor = (name: string) => world.actor(name);
const unitName = (id: number) => world.unitName(id);

beforeAll(async () => {
  t = await createTestDatabase();
  world = await buildChaseWorld(t.db);
  ({ units, users, items } = world);
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
  it("makes exactly the day's reminders, 催办, 督办 and escalations, once, to the right people", async () => {
    const seen: string[] = [];
    const expected = WALK_EXPECTED;
    for (let day: string = WALK_DAYS.from; day <= WALK_DAYS.to; day = addDays(day, 1)) {
      const at = morning(day);
      // Two instances at once, then a repeat: together they make the day's things exactly once.
      const [one, two] = await Promise.all([
        runChase(t.db, at, { render: fakeRender }),
        runChase(t.db, new Date(at.getTime() + 1000), { render: fakeRender }),
      ]);
      const again = await runChase(t.db, new Date(at.getTime() + 60_000), { render: fakeRender });
      const made = [...one.made, ...two.made].map(world.describeMade).sort();
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
      await world.acts[day]?.();
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

describe("the 情况通报 of the walked period", () => {
  it("lists the period's reminders, 催办 and 督办 with their outcomes at the close, and never changes after", async () => {
    // Before the close a1 has read its reminder; after it, b1 reads its own and D answers its 督办 late.
    const reminderA = await t.db.chaseEvent.findFirstOrThrow({ where: { kind: "REMINDER", unitId: units.A! } });
    await t.db.notification.update({
      where: { userId_key: { userId: users.a1!, key: reminderA.key } },
      data: { readAt: new Date("2026-10-01T09:00:00+08:00") },
    });
    const closedAt = new Date("2026-11-01T00:05:00+08:00");
    const seen: BulletinData[] = [];
    const render = async (data: BulletinData) => {
      seen.push(data);
      return renderBulletin(data);
    };
    expect(await closeDuePeriods(t.db, closedAt, render)).toEqual([world.periodId]);
    const data = seen.at(-1)!;
    expect(data.chase.kinds).toEqual([
      { kind: "REMINDER", events: 4, units: 4, recipients: 5, read: 1 },
      { kind: "URGE", events: 3, units: 3, recipients: 5, read: 0 },
      { kind: "SUPERVISION", events: 3, units: 3, recipients: 5, read: 0 },
      { kind: "ESCALATION", events: 2, units: 2, recipients: 8, read: 0 },
    ]);

    const files = await t.db.periodFile.findMany({ where: { periodId: world.periodId }, orderBy: { format: "asc" } });
    const docx = await readDocx(Buffer.from(files[0]!.content));
    const text = docx.paragraphs.join("\n");
    expect(text).toContain("六、催办督办情况");
    expect(text).toContain("共发出临近提醒4次、到期催办3次，下发督办通知单3份，升级督办2次");
    expect(text).toContain("提醒和催办共通知10人次，已读1人次");
    expect(text).toContain("督办按时签收2份、逾期签收1份、未签收0份，按时反馈1份、逾期反馈1份、未反馈1份");
    expect(docx.rows).toContainEqual(["临近提醒", "4", "4", "5", "1"]);
    expect(docx.rows).toContainEqual(["临近提醒", "催办测试单位A", "四川", "2026-09-29", "2026年国庆测试周期", "1/2"]);
    expect(docx.rows).toContainEqual(["到期催办", "催办测试单位A", "四川", "2026-10-09", "2026年国庆测试周期", "0/3"]);
    expect(docx.rows).toContainEqual(
      cells(
        "川渝督〔2026〕1号 | 催办测试单位E | 事项逾期（1项） | 2026-10-12 | 按时（2026-10-13） | 按时（2026-10-14） | 否",
      ),
    );
    expect(docx.rows).toContainEqual(
      cells(
        "川渝督〔2026〕2号 | 催办测试单位A | 周期报告未报送（2项） | 2026-10-15 | 逾期（2026-10-27，限2026-10-19） | 逾期（2026-10-27，限2026-10-22） | 已升级",
      ),
    );
    expect(docx.rows).toContainEqual(
      cells(
        "川渝督〔2026〕3号 | 催办测试单位D | 周期报告未报送（1项） | 2026-10-15 | 按时（2026-10-16） | 逾期未办（限2026-10-22） | 已升级",
      ),
    );
    const pdf = (await readPdf(Buffer.from(files[1]!.content))).pages.join("");
    for (const s of ["六、催办督办情况", "川渝督〔2026〕3号", "逾期未办（限2026-10-22）"])
      expect(pdf).toContain(squash(s));

    // Later reads, 签收 and 反馈 do not change what the period says: the same data, the same bytes.
    const reminderB = await t.db.chaseEvent.findFirstOrThrow({ where: { kind: "REMINDER", unitId: units.B! } });
    await t.db.notification.update({
      where: { userId_key: { userId: users.b1!, key: reminderB.key } },
      data: { readAt: new Date("2026-11-02T09:00:00+08:00") },
    });
    const d = await t.db.supervision.findFirstOrThrow({ where: { unitId: units.D! } });
    await answerSupervision(t.db, actor("d1"), d.id, "已补报。", new Date("2026-11-02T10:00:00+08:00"));
    const period = await t.db.reportingPeriod.findUniqueOrThrow({ where: { id: world.periodId } });
    const again = await queryBulletinData(t.db, period, closedAt);
    expect(again).toEqual(data);
    const rerendered = await renderBulletin(again);
    expect(rerendered.docx.equals(Buffer.from(files[0]!.content))).toBe(true);
    expect(rerendered.pdf.equals(Buffer.from(files[1]!.content))).toBe(true);
  }, 300_000);
});
