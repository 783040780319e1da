// Lengths of the webhook form, shared by its zod schema and the form (no imports: safe in client bundles,
// which must not pull in zod).
export const WEBHOOK_URL_MAX = 2000;
export const WEBHOOK_SECRET_MIN = 16;
export const WEBHOOK_SECRET_MAX = 200;
