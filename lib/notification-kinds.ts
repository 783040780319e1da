// The kinds of notification (通知) the system sends. Each kind has a title and a body in every language
// (messages namespace `notifications`, keys kinds.<kind>.title / .body), filled from the notification's params.
export const NOTIFICATION_KINDS = [
  /** 临近提醒: a period's deadline is near and the unit's reports are missing */
  "period.reminder",
  /** 到期催办: the deadline has come and the unit's reports are missing */
  "period.urge",
  /** 督办: a numbered 督办通知单 issued to the unit */
  "supervision.issued",
  /** a 督办 not acknowledged or answered in time, escalated to the coordinating office and leadership */
  "supervision.escalated",
  /** a coordinator returned a report with a comment */
  "report.returned",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notification's text is filled from: plain values only (they are stored as JSON). */
export type NotificationParams = Record<string, string | number>;
