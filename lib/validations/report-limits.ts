// Limits of the report forms, shared by the zod schemas and the forms (no imports: safe in client bundles).
export const DOC_NUMBER_MAX = 100;
export const COMMENT_MAX = 1000;
/** Reports one batch decision may take at once. */
export const BATCH_MAX = 100;
