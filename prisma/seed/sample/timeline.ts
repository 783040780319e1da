// One action item's sample year (示例数据) as dated steps: its assignment, milestones and a due-date revision,
// and the reports its lead unit (and for a joint item its co-lead unit) owe each monthly period — submitted on
// time or late, returned by a coordinator and revised, or missing — with the coordinator's decisions. The
// status, progress and confidence the reports carry follow the item's profile; a completed item ends with a
// 销号 report carrying evidence. Pure: no database; every step has its instant, strictly increasing per item.
import type { Confidence } from "../../../lib/generated/prisma/enums";
import type { ReportContent } from "../../../lib/writes/reports";
import type { EvidenceFile } from "./evidence";
import type { ItemKind } from "./kinds";
import type { ItemInfo, Ownership } from "./ownership";
import { periodOfDay, type PeriodSlot } from "./periods";
import { isoDay, roundProgress, spreadDays, type Rng, type SampleCalendar } from "./random";
import * as kindText from "./kind-texts";
import * as text from "./texts";
import type { UnitRef } from "./units";

export type Profile = "active" | "lagging" | "completed" | "notStarted" | "onHold" | "cancelled";

export interface TimelineFlags {
  profile: Profile;
  /** no report in the last two or three periods (no update in the last 35–95 days) */
  stale: boolean;
  /** the due date is pushed out once during the year */
  revise: boolean;
  /** lead and co-lead report conflicting states in the last closed period (a joint item) */
  disagreement: boolean;
  milestones: boolean;
}

/** Which of the item's responsible units a report comes from. */
export type Reporter = "lead" | "coLead";

/** How a unit reports: the chance that an obligation is missed, is late, or is returned by the coordinator. */
export interface UnitHabit {
  missing: number;
  late: number;
  returned: number;
}

type ItemEvent =
  | { kind: "assign"; startDate: Date; dueDate: Date }
  | { kind: "milestones"; milestones: { title: string; plannedDate: Date; sortOrder: number }[] }
  | { kind: "milestoneDone"; sortOrder: number; completedDate: Date }
  | { kind: "revise"; dueDate: Date; reason: string };

/** A dated change of the item itself (not through a report). */
export type PlannedEvent = ItemEvent & { day: number; at: number };

/**
 * A step of a report: its unit submits it (a new report, or the returned one revised; with evidence files,
 * which are attached to a draft first), or a coordinator returns or approves it.
 */
export type ReportStep = { day: number; at: number } & (
  | { kind: "submit"; content: ReportContent; evidence: EvidenceFile[] }
  | { kind: "return"; comment: string }
  | { kind: "approve"; comment: string | null }
);

export interface PlannedReport {
  /** the report's number within the item */
  key: number;
  by: Reporter;
  /** the period it is first submitted to */
  period: number;
  steps: ReportStep[];
}

export interface ItemPlan {
  events: PlannedEvent[];
  reports: PlannedReport[];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export interface TimelineInput {
  item: ItemInfo;
  own: Ownership;
  flags: TimelineFlags;
  cal: SampleCalendar;
  rng: Rng;
  periods: readonly PeriodSlot[];
  habits: { lead: UnitHabit; coLead: UnitHabit | null };
}

/** A step as first planned: its day and what it does; contents and instants are filled in afterwards. */
type Special = "complete" | "cancel" | "optimist" | "sceptic";
interface Draft {
  seq: number;
  day: number;
  report: DraftReport;
  kind: "submit" | "return" | "approve";
  special?: Special;
  /** a returned report submitted again: what the coordinator asked for */
  revision?: { text: string; wantsEvidence: boolean };
  comment?: string | null;
}
interface DraftReport {
  key: number;
  by: Reporter;
  period: number;
  steps: Draft[];
}

/** Sample priorities of item changes on one day: assignment first, then milestones, a revision, reports. */
const EVENT_PRIORITY: Record<ItemEvent["kind"], number> = { assign: 0, milestones: 1, revise: 2, milestoneDone: 3 };

export function planTimeline(input: TimelineInput): ItemPlan {
  const { item, own, flags, cal, rng, periods } = input;
  const today = cal.lastDay + 1;
  const assignDay = own.assignDay;
  const { profile } = flags;
  const originalDue = own.dueDay;
  let startDay = own.startDay;
  const firstDay = periods[0]!.opensDay + 1;

  let completionDay = 0;
  if (profile === "completed") {
    const target = originalDue <= today ? originalDue + rng.int(-45, 15) : today - rng.int(5, 150);
    completionDay = cal.workday(clamp(target, Math.max(assignDay + 40, firstDay + 20), cal.lastDay - 4));
    startDay = Math.min(startDay, completionDay - 120);
  } else if (profile === "notStarted") {
    startDay = Math.min(Math.max(startDay, today + rng.int(10, 120)), originalDue - 30);
  } else {
    // Only the not-started profile may start in the future; the others are under way by now.
    startDay = Math.min(startDay, today - rng.int(20, 300));
  }
  const cancelDay =
    profile === "cancelled"
      ? cal.workday(rng.int(Math.max(firstDay + 60, Math.round(today * 0.35)), Math.round(today * 0.8)))
      : 0;

  const events: (ItemEvent & { day: number })[] = [
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
      reason: kindText.revisionReason(rng, own.kind),
    });
  }
  const dueAt = (t: number) => (t >= revisionDay ? revisedDue : originalDue);

  // ---- Which reports are owed and filed, period by period (days only) ----
  const lastPeriod = periods.length - 1;
  const finalDay = profile === "completed" ? completionDay : profile === "cancelled" ? cancelDay : Infinity;
  const finalPeriod = Number.isFinite(finalDay) ? periodOfDay(periods, finalDay) : lastPeriod;
  // A stale item goes quiet for its last periods (an item that is closed out or cancelled is not stale).
  const staleFrom = flags.stale && !Number.isFinite(finalDay) ? periods.length - rng.int(2, 3) : Infinity;
  const disagreementPeriod = flags.disagreement && own.coLead ? lastPeriod - 1 : -1;
  const holdFrom =
    profile === "onHold" ? rng.int(Math.floor(periods.length * 0.35), Math.floor(periods.length * 0.65)) : Infinity;
  const resumes = profile === "onHold" && rng.chance(0.5);

  const reports: DraftReport[] = [];
  let seq = 0;
  const newReport = (by: Reporter, period: number): DraftReport => {
    const r: DraftReport = { key: reports.length + 1, by, period, steps: [] };
    reports.push(r);
    return r;
  };
  const step = (report: DraftReport, kind: Draft["kind"], day: number, extra: Partial<Draft> = {}): Draft => {
    const s: Draft = { seq: seq++, day, report, kind, ...extra };
    report.steps.push(s);
    return s;
  };
  const workday = (lo: number, hi: number): number | null => pickWorkday(rng, cal, lo, hi);
  const decision = (after: number, within = 4): number =>
    rng.chance(0.15)
      ? after
      : (workday(after + 1, after + rng.int(1, within)) ?? workday(after + 1, after + 7) ?? after);
  const returnReason = () => kindText.returnReason(rng, own.kind);
  const closeOut = kindText.CLOSE_OUT[own.kind];

  /** A returned report not submitted again by its period's close, carried by its unit into the next period. */
  const carried: Record<Reporter, DraftReport | null> = { lead: null, coLead: null };

  for (const p of periods) {
    if (p.index > finalPeriod || p.index >= staleFrom) break;
    const leadFinalDay = p.index === finalPeriod && Number.isFinite(finalDay) ? finalDay : null;

    for (const by of own.coLead ? (["lead", "coLead"] as const) : (["lead"] as const)) {
      const habit = by === "lead" ? input.habits.lead : input.habits.coLead!;
      const carry = carried[by];
      carried[by] = null;
      const report = () => carry ?? newReport(by, p.index);

      // The lead's last report: the 销号 (with evidence, now and then returned for more) or the cancellation.
      if (by === "lead" && leadFinalDay !== null) {
        const r = report();
        const special: Special = profile === "completed" ? "complete" : "cancel";
        let submitted = step(r, "submit", leadFinalDay, { special }).day;
        if (special === "complete" && rng.chance(0.25) && leadFinalDay + 10 <= Math.min(p.closesDay, cal.lastDay - 6)) {
          const back = decision(submitted, 3);
          step(r, "return", back, { comment: closeOut.returnComment });
          submitted = workday(back + 1, back + 3) ?? back + 1;
          step(r, "submit", submitted, {
            special,
            revision: { text: closeOut.revision, wantsEvidence: true },
          });
        }
        // Decided by now: a completed (or cancelled) sample item is one whose closing report was approved.
        step(r, "approve", Math.max(Math.min(decision(submitted, 3), cal.lastDay), submitted));
        continue;
      }

      // The two sides of a joint item report differently in the last closed period, and not since.
      if (disagreementPeriod >= 0 && p.index >= disagreementPeriod) {
        if (p.index > disagreementPeriod) continue;
        const r = report();
        const optimist: Reporter = hashPick(item.code) ? "lead" : "coLead";
        const lo = by === "lead" ? p.opensDay + 3 : p.opensDay + 12;
        const day = workday(lo, lo + 8) ?? lo;
        step(r, "submit", day, { special: by === optimist ? "optimist" : "sceptic" });
        step(r, "approve", decision(day, 3));
        continue;
      }

      let outcome: Outcome | "catchUp" = carry ? "catchUp" : chooseOutcome(rng, habit);
      // A report left returned would be carried into the disagreement's period, where each side files a new one.
      if (outcome === "returnedOpen" && p.index + 1 === disagreementPeriod) outcome = "returnedFixed";
      if (outcome === "missing") continue;
      const chain = planChain(outcome, p, { workday, decision, rng, returnReason });
      if (!chain) continue;
      // In the period a lead's 销号 or cancellation closes the item, the co-lead's report must come before it.
      if (by === "coLead" && leadFinalDay !== null && chain.at(-1)!.day >= leadFinalDay) continue;
      const r = report();
      for (const s of chain) step(r, s.kind, s.day, s.extra);
      if (outcome === "returnedOpen") carried[by] = r;
    }
  }

  // ---- Contents, in the order the reports are submitted ----
  const lagging = profile === "lagging" || flags.revise;
  const pace = lagging ? rng.int(45, 75) / 100 : profile === "onHold" ? rng.int(60, 90) / 100 : rng.int(85, 110) / 100;
  const modelEnd = profile === "completed" ? completionDay : originalDue;
  const model = (t: number) =>
    clamp((t - startDay) / Math.max(30, modelEnd - startDay), 0, 1) * 100 * (profile === "completed" ? 1 : pace);
  const scheduled = (t: number) => clamp((t - startDay) / Math.max(30, dueAt(t) - startDay), 0, 1) * 100;
  const later = (t: number) => text.monthLabel(cal.date(t + rng.int(30, 90)));
  const unitOf = (by: Reporter): UnitRef => (by === "lead" ? own.lead : own.coLead!);
  const year = (t: number) => cal.date(t).getUTCFullYear();
  const links = (t: number): string[] => {
    if (!rng.chance(0.2)) return [];
    const stamp = isoDay(cal.date(t)).replaceAll("-", "");
    return [`https://example.com/sample/${item.code}/${stamp}.html`];
  };

  // Consecutive reports of one item should not read word for word the same.
  let lastNote = "";
  const fresh = (make: () => string): string => {
    let note = make();
    for (let tries = 0; note === lastNote && tries < 5; tries++) note = make();
    lastNote = note;
    return note;
  };

  /** What the item's units agree on in a period (the first report of the period states it, the second repeats it). */
  type Facts = Pick<ReportContent, "status" | "progress" | "confidence" | "blockers"> & {
    kind: "notStarted" | "hold" | "progress";
  };
  const facts = new Map<number, Facts>();
  let prev = 0;
  const factsAt = (t: number, period: number): Facts => {
    const known = facts.get(period);
    if (known) return known;
    let f: Facts;
    const resumed = resumes && period === finalPeriod && period > holdFrom;
    if (profile === "notStarted" || t < startDay) {
      f = {
        kind: "notStarted",
        status: "NOT_STARTED",
        progress: 0,
        confidence: rng.chance(0.1) ? "AMBER" : "GREEN",
        blockers: null,
      };
    } else if (profile === "onHold" && period >= holdFrom && !resumed) {
      f = {
        kind: "hold",
        status: "ON_HOLD",
        progress: prev,
        confidence: rng.chance(0.5) ? "RED" : "AMBER",
        blockers: kindText.blocker(rng, own.kind),
      };
    } else {
      // Mostly rising; now and then a report corrects an earlier estimate downwards.
      const estimate = roundProgress(clamp(model(t) + rng.int(-5, 5), 5, 95));
      const progress = rng.chance(0.04) && prev >= 15 ? prev - 5 : Math.max(prev, estimate);
      const confidence = judge(rng, t, dueAt(t), scheduled(t) - progress);
      f = {
        kind: "progress",
        status: "IN_PROGRESS",
        progress,
        confidence,
        blockers: confidence === "GREEN" ? null : kindText.blocker(rng, own.kind),
      };
    }
    prev = f.progress;
    facts.set(period, f);
    return f;
  };

  const submits = reports
    .flatMap((r) => r.steps.filter((s) => s.kind === "submit"))
    .sort((a, b) => a.day - b.day || a.seq - b.seq);
  const contents = new Map<Draft, { content: ReportContent; evidence: EvidenceFile[] }>();
  const lastContent = new Map<DraftReport, { content: ReportContent; period: number }>();
  for (const s of submits) {
    const t = s.day;
    const unit = unitOf(s.report.by);
    const period = periodOfDay(periods, t);
    const earlier = lastContent.get(s.report);
    // Returned and revised within the period: the same report, with what the coordinator asked for.
    const revised = s.revision && earlier && earlier.period === period ? earlier.content : null;
    let content: ReportContent;
    const evidence: EvidenceFile[] = [];
    if (revised) {
      content = { ...revised, note: text.revisedNote(revised.note, s.revision!.text) };
      if (s.revision!.wantsEvidence)
        evidence.push(
          evidenceFile(rng, item, unit, t, cal, s.special === "complete" ? closeOut.supplement : "补充佐证材料.pdf"),
        );
    } else if (s.special === "complete") {
      prev = 100;
      content = {
        status: "COMPLETED",
        progress: 100,
        confidence: "GREEN",
        note: kindText.completedNote(rng, own.kind),
        nextSteps: null,
        blockers: null,
        evidenceLinks: links(t),
        docNumber: text.docNumber(rng, unit.name, unit.side, year(t)),
        closesItem: true,
        monthInvestment: null,
      };
      evidence.push(evidenceFile(rng, item, unit, t, cal, closeOut.proof));
      if (rng.chance(0.5)) evidence.push(evidenceFile(rng, item, unit, t, cal, rng.pick(closeOut.extra)));
    } else if (s.special === "cancel") {
      content = {
        status: "CANCELLED",
        progress: prev,
        confidence: "AMBER",
        note: text.CANCEL_NOTE,
        nextSteps: null,
        blockers: null,
        evidenceLinks: [],
        docNumber: text.docNumber(rng, unit.name, unit.side, year(t)),
        closesItem: false,
        monthInvestment: null,
      };
    } else if (s.special === "optimist" || s.special === "sceptic") {
      content = disagreement(rng, own.kind, s.special, prev, later(t));
    } else {
      const f = factsAt(t, period);
      const note =
        f.kind === "notStarted"
          ? fresh(() => text.notStartedNote(rng, text.monthLabel(cal.date(startDay))))
          : f.kind === "hold"
            ? kindText.holdNote(rng, own.kind)
            : resumes && period === finalPeriod && period > holdFrom
              ? text.RESUME_NOTE
              : fresh(() => kindText.progressNote(rng, own.kind, own.topic, f.progress));
      content = {
        status: f.status,
        progress: f.progress,
        confidence: f.confidence,
        // A report returned in the last period, revised and submitted again in this one, on this period's facts.
        note: s.revision ? text.revisedNote(note, s.revision.text) : note,
        nextSteps: f.kind === "progress" && rng.chance(0.8) ? kindText.nextSteps(rng, own.kind, later(t)) : null,
        blockers: f.blockers,
        evidenceLinks: f.kind === "progress" ? links(t) : [],
        docNumber: rng.chance(0.2) ? text.docNumber(rng, unit.name, unit.side, year(t)) : null,
        closesItem: false,
        monthInvestment: null,
      };
      if (f.kind === "progress" && rng.chance(0.08))
        evidence.push(evidenceFile(rng, item, unit, t, cal, rng.pick(kindText.PROGRESS_EVIDENCE[own.kind])));
    }
    contents.set(s, { content, evidence });
    lastContent.set(s.report, { content, period });
  }

  const lastReportDay = Math.max(0, ...submits.map((s) => s.day));
  if (flags.milestones)
    events.push(
      ...milestones(rng, cal, own, profile, { startDay, completionDay, lastUpdate: lastReportDay || today - 30 }),
    );

  // ---- Instants: in order of day (item changes before reports on a day), strictly increasing ----
  type Dated = { day: number; prio: number; seq: number; event?: ItemEvent & { day: number }; step?: Draft };
  const dated: Dated[] = [
    ...events.map((event, i) => ({ day: event.day, prio: EVENT_PRIORITY[event.kind], seq: i, event })),
    ...reports.flatMap((r) => r.steps.map((s) => ({ day: s.day, prio: 10, seq: s.seq, step: s }))),
  ]
    // What has not happened by now is not written: the current period's later reports and decisions.
    .filter((d) => d.day <= cal.lastDay)
    .sort((a, b) => a.day - b.day || a.prio - b.prio || a.seq - b.seq);

  const plannedEvents: PlannedEvent[] = [];
  const plannedReports = new Map<DraftReport, PlannedReport>();
  const lastSubmitted = new Map<DraftReport, ReportContent>();
  let previous = 0;
  for (const d of dated) {
    let at = cal.instant(d.day, rng).getTime();
    if (at <= previous) at = previous + rng.int(3, 40) * 60_000;
    if (at >= cal.now.getTime() || isoDay(new Date(at + 8 * 3_600_000)) !== isoDay(cal.date(d.day)))
      throw new Error(`sample step of item ${item.code} on day ${d.day} does not fit its day`);
    previous = at;
    if (d.event) {
      plannedEvents.push({ ...d.event, at });
      continue;
    }
    const s = d.step!;
    // A submission with evidence is a draft, its files and the submission: a few minutes.
    if (s.kind === "submit" && contents.get(s)!.evidence.length > 0) previous = at + 4 * 60_000;
    let planned = plannedReports.get(s.report);
    if (!planned) {
      planned = { key: s.report.key, by: s.report.by, period: s.report.period, steps: [] };
      plannedReports.set(s.report, planned);
    }
    if (s.kind === "submit") {
      const submitted = contents.get(s)!;
      lastSubmitted.set(s.report, submitted.content);
      planned.steps.push({ kind: "submit", day: s.day, at, ...submitted });
    } else if (s.kind === "return") planned.steps.push({ kind: "return", day: s.day, at, comment: s.comment! });
    else {
      const closesItem = lastSubmitted.get(s.report)?.closesItem ?? false;
      planned.steps.push({ kind: "approve", day: s.day, at, comment: text.approvalComment(rng, closesItem) });
    }
  }
  return { events: plannedEvents, reports: [...plannedReports.values()] };
}

/** A weekday (Monday–Friday) in [lo, hi], any of them equally likely; null if there is none. */
function pickWorkday(rng: Rng, cal: SampleCalendar, lo: number, hi: number): number | null {
  const days: number[] = [];
  for (let d = lo; d <= hi; d++) {
    const weekday = cal.date(d).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(d);
  }
  return days.length === 0 ? null : rng.pick(days);
}

type Outcome = "onTime" | "late" | "missing" | "returnedFixed" | "returnedOpen";

function chooseOutcome(rng: Rng, habit: UnitHabit): Outcome {
  const r = rng.next();
  if (r < habit.missing) return "missing";
  if (r < habit.missing + habit.late) return "late";
  if (r < habit.missing + habit.late + habit.returned) return rng.chance(0.3) ? "returnedOpen" : "returnedFixed";
  return "onTime";
}

interface ChainTools {
  workday: (lo: number, hi: number) => number | null;
  decision: (after: number, within?: number) => number;
  rng: Rng;
  returnReason: () => kindText.ReturnReason;
}
type ChainStep = { kind: Draft["kind"]; day: number; extra?: Partial<Draft> };

/**
 * The steps of one obligation's report in period `p`: submitted on time (most near the deadline) or after it,
 * returned and revised within the period, returned late and left for the next period, or — carried over from
 * the last period — revised and submitted again early in this one. Approvals may fall after the close.
 */
function planChain(outcome: Exclude<Outcome, "missing"> | "catchUp", p: PeriodSlot, t: ChainTools): ChainStep[] | null {
  const { workday, decision, rng } = t;
  const onTime = () => {
    const band = rng.weighted([
      ["early", 3],
      ["middle", 4],
      ["last", 3],
    ] as const);
    const [lo, hi] =
      band === "early"
        ? [p.opensDay + 1, p.opensDay + 9]
        : band === "middle"
          ? [p.opensDay + 10, p.deadlineDay - 5]
          : [p.deadlineDay - 4, p.deadlineDay];
    return workday(lo, hi) ?? workday(p.opensDay + 1, p.deadlineDay);
  };
  switch (outcome) {
    case "onTime": {
      const day = onTime();
      return day === null
        ? null
        : [
            { kind: "submit", day },
            { kind: "approve", day: decision(day) },
          ];
    }
    case "late": {
      const day = workday(p.deadlineDay + 1, p.closesDay) ?? onTime();
      return day === null
        ? null
        : [
            { kind: "submit", day },
            { kind: "approve", day: decision(day) },
          ];
    }
    case "catchUp": {
      const day = workday(p.opensDay + 1, p.opensDay + 8);
      if (day === null) return null;
      const reason = t.returnReason();
      return [
        { kind: "submit", day, extra: { revision: { text: reason.revision, wantsEvidence: false } } },
        { kind: "approve", day: decision(day) },
      ];
    }
    case "returnedFixed": {
      const day = workday(p.opensDay + 1, p.deadlineDay - 3);
      if (day === null) return null;
      const reason = t.returnReason();
      const back = decision(day, 3);
      const again = workday(back + 1, back + rng.int(1, 4));
      if (again === null || again > p.closesDay) return null;
      return [
        { kind: "submit", day },
        { kind: "return", day: back, extra: { comment: reason.comment } },
        {
          kind: "submit",
          day: again,
          extra: { revision: { text: reason.revision, wantsEvidence: reason.wantsEvidence ?? false } },
        },
        { kind: "approve", day: decision(again) },
      ];
    }
    case "returnedOpen": {
      const day = workday(p.deadlineDay - 4, p.closesDay - 2);
      if (day === null) return null;
      const back = workday(day + 1, p.closesDay);
      if (back === null) return null;
      return [
        { kind: "submit", day },
        { kind: "return", day: back, extra: { comment: t.returnReason().comment } },
      ];
    }
  }
}

/** A stable coin toss from a code (which side of a disagreement is the optimistic one). */
function hashPick(code: string): boolean {
  let h = 0;
  for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 5 < 3;
}

/** Confidence of an in-progress report: red mostly when overdue, amber or red when well behind schedule. */
function judge(rng: Rng, day: number, due: number, behind: number): Confidence {
  if (day > due) return rng.chance(0.75) ? "RED" : "AMBER";
  if (behind >= 30) return rng.chance(0.45) ? "RED" : "AMBER";
  if (behind >= 15) return rng.chance(0.7) ? "AMBER" : "GREEN";
  return rng.chance(0.06) ? "AMBER" : "GREEN";
}

/** One side's report of a disagreement: on track (optimist), or behind or paused (sceptic). */
function disagreement(
  rng: Rng,
  kind: ItemKind,
  side: "optimist" | "sceptic",
  prev: number,
  later: string,
): ReportContent {
  const base: ReportContent = {
    status: "IN_PROGRESS",
    progress: Math.min(95, Math.max(prev, 10) + 5),
    confidence: "GREEN",
    note: text.DISAGREEMENT_NOTES.optimistic,
    nextSteps: kindText.nextSteps(rng, kind, later),
    blockers: null,
    evidenceLinks: [],
    docNumber: null,
    closesItem: false,
    monthInvestment: null,
  };
  if (side === "optimist") return base;
  return rng.chance(0.5)
    ? {
        ...base,
        progress: Math.max(5, prev - 5),
        confidence: "RED",
        note: text.DISAGREEMENT_NOTES.cautious,
        blockers: kindText.blocker(rng, kind),
        nextSteps: null,
      }
    : {
        ...base,
        status: "ON_HOLD",
        progress: Math.max(5, prev),
        confidence: "AMBER",
        note: text.DISAGREEMENT_NOTES.holding,
        blockers: kindText.blocker(rng, kind),
        nextSteps: null,
      };
}

/** An evidence PDF of a report: named as a unit would name it, saying what it is and that it is sample data. */
function evidenceFile(
  rng: Rng,
  item: ItemInfo,
  unit: UnitRef,
  day: number,
  cal: SampleCalendar,
  fileName: string,
): EvidenceFile {
  const d = cal.date(day);
  const date = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  const title = fileName.replace(/\.pdf$/, "");
  const chunks = item.title.match(/.{1,32}/gu) ?? [item.title];
  return {
    fileName,
    title: `${title}（示例）`,
    lines: [
      `事项：${item.code}`,
      ...chunks,
      `报送单位：${unit.name}`,
      `日期：${date}`,
      `编号：${isoDay(d).replaceAll("-", "")}-${rng.int(100, 999)}`,
      "本文件为示例数据，不代表真实情况。",
    ],
  };
}

function milestones(
  rng: Rng,
  cal: SampleCalendar,
  own: Ownership,
  profile: Profile,
  at: { startDay: number; completionDay: number; lastUpdate: number },
): (ItemEvent & { day: number })[] {
  const today = cal.lastDay + 1;
  const created = cal.workday(own.assignDay + rng.int(3, 25));
  const lo = profile === "notStarted" ? Math.max(created + 20, at.startDay) : created + 20;
  const hi = profile === "completed" ? at.completionDay - 5 : Math.min(Math.max(own.dueDay, lo + 60), today + 400);
  if (hi - lo < 10) return [];
  const planned = spreadDays(rng, lo, hi, rng.int(1, 3));
  const titles = kindText.milestoneTitles(rng, own.kind, planned.length, profile === "completed");
  const out: (ItemEvent & { day: number })[] = [
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
