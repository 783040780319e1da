// Limits of the item forms, shared by the zod schemas and the forms (no imports: safe in client bundles).
export const NOTE_MAX = 2000;
export const TEXT_MAX = 2000;
export const EVIDENCE_MAX = 10;
export const URL_MAX = 1000;
export const PERSON_MAX = 100;
export const REASON_MAX = 500;
export const MILESTONE_TITLE_MAX = 200;
export const BULK_MAX = 200;

export const CONFIDENCES = ["GREEN", "AMBER", "RED"] as const;
