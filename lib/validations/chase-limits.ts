// Limits and ranges of the chase's forms, shared by their zod schemas and the forms (no imports: safe in client
// bundles, which must not pull in zod).
export const CHASE_LIMITS = {
  calendarName: 30,
  answer: 2000,
  noticePrefix: 10,
} as const;

/** The ranges the database also checks (chase_settings_ranges). */
export const CHASE_SETTING_RANGES = {
  reminderWorkdays: [1, 20],
  superviseWorkdays: [1, 30],
  overdueDays: [1, 365],
  acknowledgeWorkdays: [1, 20],
  answerWorkdays: [1, 60],
} as const;
