// Limits of the custom-period form, shared by its zod schema and the form (no imports: safe in client bundles).
export const PERIOD_LIMITS = { label: 40, labelEn: 60 } as const;
