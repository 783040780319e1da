// A closed period's 情况通报 (bulletin): one plain, serialisable object built when the period closes
// (lib/queries/periods.ts queryBulletinData) and laid out as Word and PDF (lib/export/bulletin-document.ts). The
// figures are the period page's own (the same obligation outcomes), so the files and the page agree.
import type { Confidence, ItemStatus, ObligationOutcome, Side } from "../generated/prisma/enums";
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
