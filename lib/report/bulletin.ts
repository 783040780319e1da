// A closed period's 情况通报 (bulletin): one plain, serialisable object built when the period closes
// (lib/queries/periods.ts queryBulletinData) and laid out as Word and PDF (lib/export/bulletin-document.ts). The
// figures are the period page's own (the same obligation outcomes), so the files and the page agree.
import type {
  ChaseKind,
  Confidence,
  ItemStatus,
  ObligationOutcome,
  Side,
  SupervisionReason,
} from "../generated/prisma/enums";
import type { Locale } from "../i18n/locales";

/** Fulfilment of a set of obligations (a period, a side, a unit). */
export interface Fulfilment {
  /** reports owed */
  required: number;
  /** reports submitted and standing at the close (on time or late): submitted or approved */
  submitted: number;
  /** of those, approved by the close */
  approved: number;
  /** returned by the reviewer and not submitted again */
  returned: number;
  /** nothing submitted (or only a draft, or withdrawn) */
  missing: number;
  /** submitted after the deadline day */
  late: number;
}

/** The figure names of Fulfilment, in the order tables show them. */
export const FULFILMENT_FIGURES = ["required", "submitted", "approved", "returned", "missing", "late"] as const;
export type FulfilmentFigure = (typeof FULFILMENT_FIGURES)[number];

export interface SideFulfilment extends Fulfilment {
  side: Side;
}

export interface UnitFulfilment extends Fulfilment {
  unitId: number;
  unit: string;
  side: Side;
}

/** A unit with reports late, returned or missing, and the items (codes) concerned: whom to chase. */
export interface UnitBehind {
  unit: string;
  side: Side;
  late: string[];
  returned: string[];
  missing: string[];
}

/** An item overdue or reported off track (滞后) at the close. */
export interface LaggingItem {
  code: string;
  title: string;
  /** lead and co-lead units, joined */
  leadUnits: string;
  status: ItemStatus;
  confidence: Confidence | null;
  /** progress as reported on the item (null = none yet) */
  progress: number | null;
  dueDate: string | null;
  daysOverdue: number | null;
}

/**
 * How a 督办 stood on 签收 or 反馈 at the close: done by its day (ON_TIME) or after it (LATE), not done with its
 * day passed (OVERDUE), or not done with its day still to come (PENDING).
 */
export type ChaseOutcome = "ON_TIME" | "LATE" | "OVERDUE" | "PENDING";

/** One kind of chase in the period: how many, to how many units, people told, and how many had read it. */
export interface BulletinChaseKind {
  kind: ChaseKind;
  events: number;
  units: number;
  /** people told (one per person per event) */
  recipients: number;
  /** of those, read by the close */
  read: number;
}

/** A 临近提醒 or 到期催办 of the period. */
export interface BulletinChaseEvent {
  kind: ChaseKind;
  unit: string;
  side: Side;
  /** the day it was sent (China), YYYY-MM-DD */
  on: string;
  /** the period whose reports it chased */
  period: string | null;
  recipients: number;
  read: number;
}

/** A 督办 issued in the period and how it stood at the close. */
export interface BulletinSupervision {
  /** 川渝督〔2026〕12号 */
  number: string;
  unit: string;
  side: Side;
  reason: SupervisionReason;
  items: number;
  issuedOn: string;
  acknowledgeBy: string;
  replyBy: string;
  acknowledged: ChaseOutcome;
  /** the day of the 签收 (China), when done by the close */
  acknowledgedOn: string | null;
  answered: ChaseOutcome;
  answeredOn: string | null;
  /** escalated to the coordinating office and leadership by the close */
  escalated: boolean;
}

/**
 * The period's chase: everything sent from its first day until its close (or the end of its closing day, when
 * that comes first), with outcomes as they stood at the close instant — read, 签收 and 反馈 times are written
 * once and never moved, so the same period always gives the same section.
 */
export interface BulletinChase {
  /** YYYY-MM-DD, first and last day covered */
  from: string;
  to: string;
  /** every kind, in the order REMINDER, URGE, SUPERVISION, ESCALATION */
  kinds: BulletinChaseKind[];
  /** the reminders and 催办, in the order sent (at most CHASE_EVENTS_LIMIT) */
  events: BulletinChaseEvent[];
  eventsTotal: number;
  /** the 督办, by number */
  supervisions: BulletinSupervision[];
}

/** How many reminders and 催办 the bulletin lists one by one. */
export const CHASE_EVENTS_LIMIT = 200;

export interface BulletinData {
  locale: Locale;
  sampleData: boolean;
  period: {
    id: number;
    label: string;
    labelEn: string;
    /** YYYY-MM-DD */
    opensOn: string;
    deadline: string;
    closesOn: string;
    /** ISO instant of the close: the documents carry it as their creation date */
    closedAt: string;
    /** closed before its closing day by a coordinator */
    early: boolean;
  };
  total: Fulfilment;
  sides: SideFulfilment[];
  units: UnitFulfilment[];
  behind: UnitBehind[];
  /** lagging items, most overdue first (at most LAGGING_LIMIT) */
  lagging: LaggingItem[];
  /** how many lagging items there were in all */
  laggingTotal: number;
  /** the period's reminders, 催办 and 督办 and their outcomes */
  chase: BulletinChase;
}

/** How many lagging items the bulletin lists one by one. */
export const LAGGING_LIMIT = 100;

export type { ObligationOutcome };

/** The bulletin's two files, rendered from one BulletinData (lib/export/bulletin.ts). */
export type BulletinRenderer = (data: BulletinData) => Promise<{ docx: Buffer; pdf: Buffer }>;

export const BULLETIN_FORMATS = ["docx", "pdf"] as const;
export type BulletinFormat = (typeof BULLETIN_FORMATS)[number];

export const BULLETIN_MEDIA_TYPES: Record<BulletinFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** The stored file name, 情况通报-2026年11月.docx (a download adds an ASCII fallback). */
export function bulletinFileName(label: string, format: BulletinFormat): string {
  return `情况通报-${label}.${format}`;
}
