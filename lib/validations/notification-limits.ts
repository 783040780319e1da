// Limits and choices of the e-mail settings form, shared by its zod schema and the form (no imports: safe in
// client bundles, which must not pull in zod).
export const EMAIL_MAX = 254;
export const EMAIL_DELIVERIES = ["each", "digest", "none"] as const;
export type EmailDelivery = (typeof EMAIL_DELIVERIES)[number];
