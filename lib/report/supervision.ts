// A 督办通知单 (supervision notice) as one plain, serialisable object (lib/queries/chase.ts querySupervisionNotice),
// laid out as Word and PDF (lib/export/supervision.ts). Everything in it was fixed when the 督办 was issued, and
// the documents carry the issue as their only moment, so the stored files never need rendering again.
import type { SupervisionReason } from "../generated/prisma/enums";

export interface SupervisionNoticeItem {
  code: string;
  title: string;
  /** for an overdue item: its due date then (YYYY-MM-DD), and by how many days */
  dueDate: string | null;
  daysOverdue: number | null;
}

export interface SupervisionNoticeData {
  id: number;
  /** 川渝督〔2026〕12号 */
  number: string;
  reason: SupervisionReason;
  unit: string;
  /** the period whose reports are missing (PERIOD_MISSING), in Chinese */
  period: string | null;
  /** the period's deadline, YYYY-MM-DD */
  periodDeadline: string | null;
  /** YYYY-MM-DD */
  issuedOn: string;
  acknowledgeBy: string;
  replyBy: string;
  /** ISO instant of the issue: the documents' only date */
  issuedAt: string;
  items: SupervisionNoticeItem[];
  sampleData: boolean;
}

/** The notice's two files, rendered from one SupervisionNoticeData. */
export type SupervisionRenderer = (data: SupervisionNoticeData) => Promise<{ docx: Buffer; pdf: Buffer }>;

export const SUPERVISION_FORMATS = ["docx", "pdf"] as const;
export type SupervisionFormat = (typeof SUPERVISION_FORMATS)[number];

export const SUPERVISION_MEDIA_TYPES: Record<SupervisionFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** 川渝督〔2026〕12号 */
export function supervisionNumber(prefix: string, year: number, number: number): string {
  return `${prefix}〔${year}〕${number}号`;
}

/** The stored file name, 督办通知单-川渝督〔2026〕12号.docx (a download adds an ASCII fallback). */
export function supervisionFileName(number: string, format: SupervisionFormat): string {
  return `督办通知单-${number}.${format}`;
}
