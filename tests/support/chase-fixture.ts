// The chase's test world (tests/integration/chase.test.ts, two-instances.test.ts): five units A–E, their editors,
// A's 联络人, the coordinators and leadership, six action items (E's due 2026-09-10) and one period whose
// deadline (Fri 2026-10-09) falls just after 国庆节 (10-01…10-07 off) and the make-up Saturday 10-10 — so the
// reminder (3 working days before: 09-29, across the holiday) and the 督办 (5 working days after: 10-15, counting
// Saturday 10-10) land where only the official calendar puts them. WALK says what each day of 09-21…10-27 makes
// and what the units do that day.
import { expect } from "vitest";
import type { Role, Side } from "../../lib/generated/prisma/enums";
import type { Db } from "../../lib/prisma-client";
import { changeItem } from "../../lib/writes/item-change";
import type { ChaseMade } from "../../lib/writes/chase";
import { openDuePeriods } from "../../lib/writes/periods";
import { acknowledgeSupervision, answerSupervision } from "../../lib/writes/supervisions";
import { seed } from "../../prisma/seed/run";

/** 09:00 in China on `day`. */
export const morning = (day: string) => new Date(`${day}T09:00:00+08:00`);

export const WALK_DAYS = { from: "2026-09-21", to: "2026-10-27" } as const;

/** What each day makes: kind, unit and the people told (by name). Every other day makes nothing. */
export const WALK_EXPECTED: Record<string, string[]> = {
  "2026-09-29": ["REMINDER A a1,a2", "REMINDER B b1", "REMINDER C c1", "REMINDER D d1"],
  "2026-10-09": ["URGE A a1,a2,aContact", "URGE C c1", "URGE D d1"],
  "2026-10-12": ["SUPERVISION E e1"],
  "2026-10-15": ["SUPERVISION A a1,a2,aContact", "SUPERVISION D d1"],
  "2026-10-20": ["ESCALATION A aContact,sc,joint,leader"],
  "2026-10-23": ["ESCALATION D aContact,cq,joint,leader"],
};

export interface ChaseWorld {
  units: Record<string, number>;
  users: Record<string, number>;
  items: Record<string, number>;
  periodId: number;
  actor(name: string): { id: number; role: Role; unitId: number | null };
  submitReport(unit: string, item: string, day: string): Promise<void>;
  /** What the units do on a day of the walk (after that day's morning run). */
  acts: Record<string, () => Promise<void>>;
  /** "KIND unit people" of a thing made, as WALK_EXPECTED writes it */
  describeMade(m: ChaseMade): string;
  unitName(id: number): string;
}

/** Builds the world in a database with the document seeded (no sample data). */
export async function buildChaseWorld(db: Db): Promise<ChaseWorld> {
  const units: Record<string, number> = {};
  const users: Record<string, number> = {};
  const items: Record<string, number> = {};
  const roleOf: Record<string, Role> = {};
  const unitOf: Record<string, number | null> = {};

  async function addUser(name: string, role: Role, unit: string | null, scope: Side | null = null) {
    const u = await db.user.create({
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

  await seed(db, { sample: false });
  await db.cycleSettings.update({ where: { id: 1 }, data: { periodKind: "CUSTOM" } });
  for (const [name, side] of [
    ["A", "SICHUAN"],
    ["B", "CHONGQING"],
    ["C", "SICHUAN"],
    ["D", "CHONGQING"],
    ["E", "CHONGQING"],
  ] as const) {
    units[name] = (await db.unit.create({ data: { name: `催办测试单位${name}`, side, kind: "DEPARTMENT" } })).id;
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
  await db.unit.update({ where: { id: units.A! }, data: { contactUserId: users.aContact! } });

  // Six action items of the document, one per unit (A two); E's is due 2026-09-10.
  const actions = await db.item.findMany({ where: { level: "ACTION" }, orderBy: { id: "asc" }, take: 6 });
  const owners = ["A", "A", "B", "C", "D", "E"];
  await db.$transaction(async (tx) => {
    for (const [i, item] of actions.entries()) {
      items[`${owners[i]}${i}`] = item.id;
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
  const period = await db.reportingPeriod.create({
    data: {
      kind: "CUSTOM",
      label: "2026年国庆测试周期",
      labelEn: "National Day test period",
      opensOn: new Date("2026-09-14"),
      deadline: new Date("2026-10-09"),
      closesOn: new Date("2026-10-31"),
    },
  });
  expect(await openDuePeriods(db, morning("2026-09-14"))).toEqual([period.id]);
  expect(await db.periodObligation.count({ where: { periodId: period.id } })).toBe(6);

  const actor = (name: string) => ({ id: users[name]!, role: roleOf[name]!, unitId: unitOf[name] ?? null });
  async function submitReport(unit: string, item: string, day: string) {
    await db.progressUpdate.create({
      data: {
        itemId: items[item]!,
        unitId: units[unit]!,
        status: "IN_PROGRESS",
        progress: 20,
        confidence: "GREEN",
        note: "测试报告",
        periodId: period.id,
        state: "SUBMITTED",
        submittedAt: new Date(`${day}T10:00:00+08:00`),
        createdAt: new Date(`${day}T10:00:00+08:00`),
      },
    });
  }
  const acts: Record<string, () => Promise<void>> = {
    // E reports early: no reminder; its item is still overdue, which is a 督办 of its own.
    "2026-09-25": () => submitReport("E", "E5", "2026-09-25"),
    // B reports the day before the deadline: a reminder, no 催办.
    "2026-10-08": () => submitReport("B", "B2", "2026-10-08"),
    // C reports late, before the 督办 day: reminder and 催办, no 督办.
    "2026-10-12": () => submitReport("C", "C3", "2026-10-12"),
    // E acknowledges and answers in time: no escalation.
    "2026-10-13": async () => {
      const s = await db.supervision.findFirstOrThrow({ where: { unitId: units.E! } });
      await acknowledgeSupervision(db, actor("e1"), s.id, new Date("2026-10-13T10:00:00+08:00"));
      await answerSupervision(db, actor("e1"), s.id, "已完成整改。", new Date("2026-10-14T10:00:00+08:00"));
    },
    // D acknowledges in time but never answers: escalated the working day after its reply-by date (10-22).
    "2026-10-16": async () => {
      const s = await db.supervision.findFirstOrThrow({ where: { unitId: units.D! } });
      await acknowledgeSupervision(db, actor("d1"), s.id, new Date("2026-10-16T10:00:00+08:00"));
    },
  };
  const nameOf = (id: number) => Object.entries(users).find(([, v]) => v === id)![0];
  const unitName = (id: number) => Object.entries(units).find(([, v]) => v === id)![0];
  const describeMade = (m: ChaseMade) => `${m.kind} ${unitName(m.unitId)} ${m.recipientIds.map(nameOf).join(",")}`;
  return { units, users, items, periodId: period.id, actor, submitReport, acts, describeMade, unitName };
}
