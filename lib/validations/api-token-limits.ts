// Limits and choices of the personal access token form, shared by its zod schema and the form (no imports:
// safe in client bundles, which must not pull in zod).
export const TOKEN_NAME_MAX = 100;
/** The expiries offered, in days: at most a year. */
export const TOKEN_EXPIRY_DAYS = ["7", "30", "90", "180", "365"] as const;
export const TOKEN_SCOPES = ["READ", "WRITE"] as const;
