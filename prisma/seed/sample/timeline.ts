// One action item's sample year (示例数据) as a list of dated events: assignment, milestones, a due-date
// revision, and progress updates whose status, progress and confidence follow a profile. Pure: no database.
import type { Confidence } from "../../../lib/generated/prisma/enums";
import type { ReportContent } from "../../../lib/writes/reports";
import { isoDay, roundProgress, spreadDays, type Rng, type SampleCalendar } from "./random";
import type { ItemInfo, Ownership } from "./ownership";
import * as text from "./texts";

export type Profile = "active" | "lagging" | "completed" | "notStarted" | "onHold" | "cancelled";

export interface TimelineFlags {
  profile: Profile;
  /** no update in the last 30–120 days */
  stale: boolean;
  /** the due date is pushed out once during the year */
  revise: boolean;
  /** lead and co-lead post conflicting updates in the last month (both must have an editor) */
  disagreement: boolean;
  milestones: boolean;
}

/** Who posts an update: the lead unit's editor, the co-lead's, or the administrator. */
export type Reporter = "lead" | "coLead" | "admin";

/** A dated update: what a unit writes in a report, without a 文号 or a 申请销号. */
export interface UpdateEvent extends Omit<ReportContent, "docNumber" | "closesItem" | "monthInvestment"> {
  kind: "update";
  day: number;
  by: Reporter;
}

export type PlannedEvent =
  | { kind: "assign"; day: number; startDate: Date; dueDate: Date }
  | { kind: "milestones"; day: number; milestones: { title: string; plannedDate: Date; sortOrder: number }[] }
  | { kind: "milestoneDone"; day: number; sortOrder: number; completedDate: Date }
  | { kind: "revise"; day: number; dueDate: Date; reason: string }
  | UpdateEvent;

const PRIORITY: Record<PlannedEvent["kind"], number> = {
  assign: 0,
  milestones: 1,
  revise: 2,
  milestoneDone: 3,
  update: 4,
};

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export interface TimelineInput {
  item: ItemInfo;
  own: Ownership;
  flags: TimelineFlags;
  cal: SampleCalendar;
  rng: Rng;
  /** which of the item's lead and co-lead units have an editor account */
  editors: { lead: boolean; coLead: boolean };
}

export function planTimeline({ item, own, flags, cal, rng, editors }: TimelineInput): PlannedEvent[] {
  const today = cal.lastDay + 1;
  const assignDay = own.assignDay;
  const { profile } = flags;
  const originalDue = own.dueDay;
  let startDay = own.startDay;

  let completionDay = 0;
  if (profile === "completed") {
    const target = originalDue <= today ? originalDue + rng.int(-45, 15) : today - rng.int(5, 150);
    completionDay = cal.workday(clamp(target, assignDay + 40, cal.lastDay - 4));
    startDay = Math.min(startDay, completionDay - 120);
  } else if (profile === "notStarted") {
    startDay = Math.min(Math.max(startDay, today + rng.int(10, 120)), originalDue - 30);
  } else {
    // Only the not-started profile may start in the future; the others are under way by now.
    startDay = Math.min(startDay, today - rng.int(20, 300));
  }

  const events: PlannedEvent[] = [
    { kind: "assign", day: assignDay, startDate: cal.date(startDay), dueDate: cal.date(originalDue) },
  ];

  // A due-date revision, usually around the original due date; the item is behind, which is why.
  let revisionDay = Number.POSITIVE_INFINITY;
  let revisedDue = originalDue;
  if (flags.revise) {
    const base = originalDue <= today ? originalDue + rng.int(-30, 20) : today - rng.int(20, 200);
    revisionDay = cal.workday(clamp(base, assignDay + 45, cal.lastDay - 20));
    revisedDue = Math.max(originalDue + rng.int(90, 300), revisionDay + rng.int(90, 240));
    events.push({
      kind: "revise",
      day: revisionDay,
      dueDate: cal.date(revisedDue),
      reason: rng.pick(text.REVISION_REASONS),
    });
  }
  const dueAt = (t: number) => (t >= revisionDay ? revisedDue : originalDue);

  // When the regular updates happen.
  const firstDay = assignDay + rng.int(5, 25);
  let lastDay: number;
  if (profile === "completed") lastDay = completionDay;
  else if (profile === "cancelled") lastDay = rng.int(Math.round(today * 0.35), Math.round(today * 0.8));
  else if (flags.disagreement) lastDay = today - rng.int(30, 38);
  else if (flags.stale) lastDay = today - rng.int(32, 120);
  else lastDay = today - rng.int(1, 14);
  lastDay = Math.max(lastDay, firstDay + 20);
  let count: number = rng.weighted([
    [2, 1],
    [3, 2],
    [4, 3],
    [5, 3],
    [6, 3],
    [7, 2],
    [8, 1],
  ] as const);
  if (profile === "onHold") count = Math.max(count, 3);
  count = clamp(count, 2, 1 + Math.floor((lastDay - firstDay) / 10));
  const days = cal.spreadWorkdays(rng, firstDay, lastDay, count);

  // Progress follows the schedule at the item's pace; completed items reach 100 on their completion day.
  const lagging = profile === "lagging" || flags.revise;
  const pace = lagging ? rng.int(45, 75) / 100 : profile === "onHold" ? rng.int(60, 90) / 100 : rng.int(85, 110) / 100;
  const modelEnd = profile === "completed" ? completionDay : originalDue;
  const model = (t: number) =>
    clamp((t - startDay) / Math.max(30, modelEnd - startDay), 0, 1) * 100 * (profile === "completed" ? 1 : pace);
  const scheduled = (t: number) => clamp((t - startDay) / Math.max(30, dueAt(t) - startDay), 0, 1) * 100;

  const reporter: Reporter = editors.lead ? "lead" : editors.coLead ? "coLead" : "admin";
  const holdFrom = Math.max(1, Math.ceil(count / 2));
  const resumes = profile === "onHold" && count - holdFrom >= 2 && rng.chance(0.5);
  const evidence = (t: number): string[] => {
    if (!rng.chance(0.25)) return [];
    const stamp = isoDay(cal.date(t)).replaceAll("-", "");
    const links = [`https://example.gov.cn/sample/${item.code}/${stamp}.html`];
    if (rng.chance(0.3)) links.push(`https://example.gov.cn/sample/${item.code}/${stamp}-report.pdf`);
    return links;
  };
  const later = (t: number) => text.monthLabel(cal.date(t + rng.int(30, 90)));

  // Consecutive reports of one item should not read word for word the same.
  let lastNote = "";
  const fresh = (make: () => string): string => {
    let note = make();
    for (let tries = 0; note === lastNote && tries < 5; tries++) note = make();
    lastNote = note;
    return note;
  };

  let prev = 0;
  days.forEach((t, i) => {
    const isLast = i === days.length - 1;
    const base = { kind: "update" as const, day: t, by: reporter };
    if (profile === "cancelled" && isLast) {
      events.push({
        ...base,
        status: "CANCELLED",
        progress: prev,
        confidence: "AMBER",
        note: text.CANCEL_NOTE,
        nextSteps: null,
        blockers: null,
        evidenceLinks: [],
      });
      return;
    }
    if (profile === "notStarted" || t < startDay) {
      const confidence: Confidence = rng.chance(0.1) ? "AMBER" : "GREEN";
      const note = fresh(() => text.notStartedNote(rng, text.monthLabel(cal.date(startDay))));
      events.push({
        ...base,
        status: "NOT_STARTED",
        progress: 0,
        confidence,
        note,
        nextSteps: null,
        blockers: null,
        evidenceLinks: [],
      });
      return;
    }
    if (profile === "completed" && isLast) {
      prev = 100;
      events.push({
        ...base,
        status: "COMPLETED",
        progress: 100,
        confidence: "GREEN",
        note: text.completedNote(rng),
        nextSteps: null,
        blockers: null,
        evidenceLinks: evidence(t),
      });
      return;
    }
    if (profile === "onHold" && i >= holdFrom && !(resumes && isLast)) {
      const confidence: Confidence = rng.chance(0.5) ? "RED" : "AMBER";
      events.push({
        ...base,
        status: "ON_HOLD",
        progress: prev,
        confidence,
        note: text.holdNote(rng),
        nextSteps: null,
        blockers: text.blocker(rng),
        evidenceLinks: [],
      });
      return;
    }
    // Mostly rising; now and then a report corrects an earlier estimate downwards.
    const estimate = roundProgress(clamp(model(t) + rng.int(-5, 5), 5, 95));
    const progress = rng.chance(0.04) && prev >= 15 ? prev - 5 : Math.max(prev, estimate);
    prev = progress;
    const confidence = judge(rng, t, dueAt(t), scheduled(t) - progress);
    const resumed = profile === "onHold" && resumes && isLast;
    events.push({
      ...base,
      status: "IN_PROGRESS",
      progress,
      confidence,
      note: resumed ? text.RESUME_NOTE : fresh(() => text.progressNote(rng, own.topic, progress)),
      nextSteps: rng.chance(0.8) ? text.nextSteps(rng, later(t)) : null,
      blockers: confidence === "GREEN" ? null : text.blocker(rng),
      evidenceLinks: evidence(t),
    });
  });

  if (flags.disagreement) events.push(...disagreement(rng, cal, today, prev, later));
  if (flags.milestones)
    events.push(...milestones(rng, cal, own, profile, { startDay, completionDay, lastUpdate: days.at(-1)! }));

  return events
    .map((e, order) => ({ e, order }))
    .sort((a, b) => a.e.day - b.e.day || PRIORITY[a.e.kind] - PRIORITY[b.e.kind] || a.order - b.order)
    .map(({ e }) => e);
}

/** Confidence of an in-progress report: red mostly when overdue, amber or red when well behind schedule. */
function judge(rng: Rng, day: number, due: number, behind: number): Confidence {
  if (day > due) return rng.chance(0.75) ? "RED" : "AMBER";
  if (behind >= 30) return rng.chance(0.45) ? "RED" : "AMBER";
  if (behind >= 15) return rng.chance(0.7) ? "AMBER" : "GREEN";
  return rng.chance(0.06) ? "AMBER" : "GREEN";
}

/** The two sides report differently within the last month: one on track, the other behind or paused. */
function disagreement(
  rng: Rng,
  cal: SampleCalendar,
  today: number,
  prev: number,
  later: (t: number) => string,
): UpdateEvent[] {
  const first = cal.workday(today - rng.int(10, 24));
  const second = cal.workday(first + rng.int(2, 6));
  const optimist: Reporter = rng.chance(0.6) ? "lead" : "coLead";
  const sceptic: Reporter = optimist === "lead" ? "coLead" : "lead";
  const hopeful: Omit<UpdateEvent, "day"> = {
    kind: "update",
    by: optimist,
    status: "IN_PROGRESS",
    progress: Math.min(95, Math.max(prev, 10) + 5),
    confidence: "GREEN",
    note: text.DISAGREEMENT_NOTES.optimistic,
    nextSteps: text.nextSteps(rng, later(first)),
    blockers: null,
    evidenceLinks: [],
  };
  const worried: Omit<UpdateEvent, "day"> = rng.chance(0.5)
    ? {
        ...hopeful,
        by: sceptic,
        progress: Math.max(5, prev - 5),
        confidence: "RED",
        note: text.DISAGREEMENT_NOTES.cautious,
        blockers: text.blocker(rng),
        nextSteps: null,
      }
    : {
        ...hopeful,
        by: sceptic,
        status: "ON_HOLD",
        progress: Math.max(5, prev),
        confidence: "AMBER",
        note: text.DISAGREEMENT_NOTES.holding,
        blockers: text.blocker(rng),
        nextSteps: null,
      };
  const [a, b] = rng.chance(0.5) ? [hopeful, worried] : [worried, hopeful];
  return [
    { ...a, day: first },
    { ...b, day: second },
  ];
}

function milestones(
  rng: Rng,
  cal: SampleCalendar,
  own: Ownership,
  profile: Profile,
  at: { startDay: number; completionDay: number; lastUpdate: number },
): PlannedEvent[] {
  const today = cal.lastDay + 1;
  const created = cal.workday(own.assignDay + rng.int(3, 25));
  const lo = profile === "notStarted" ? Math.max(created + 20, at.startDay) : created + 20;
  const hi = profile === "completed" ? at.completionDay - 5 : Math.min(Math.max(own.dueDay, lo + 60), today + 400);
  if (hi - lo < 10) return [];
  const planned = spreadDays(rng, lo, hi, rng.int(1, 3));
  const titles = text.milestoneTitles(rng, own.topic, planned.length);
  const out: PlannedEvent[] = [
    {
      kind: "milestones",
      day: created,
      milestones: planned.map((d, i) => ({ title: titles[i]!, plannedDate: cal.date(d), sortOrder: i + 1 })),
    },
  ];
  planned.forEach((d, i) => {
    let done: number | null = null;
    if (profile === "completed") done = Math.min(d + rng.int(-10, 5), at.completionDay - 1);
    else if (profile !== "notStarted" && d <= today - 3 && d >= at.startDay && rng.chance(0.8))
      done = d + rng.int(-12, 20);
    if (done === null) return;
    if (profile === "cancelled" && done > at.lastUpdate) return;
    const day = cal.workday(Math.min(cal.lastDay, Math.max(done, created + 3)));
    out.push({ kind: "milestoneDone", day, sortOrder: i + 1, completedDate: cal.date(day) });
  });
  return out;
}
