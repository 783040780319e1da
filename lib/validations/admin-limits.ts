// Lengths allowed in the administration forms, shared by their zod schemas and the forms (no imports: safe in
// client bundles, which must not pull in zod).
export const LIMITS = {
  loginName: 64,
  displayName: 100,
  unitName: 100,
  shortName: 30,
  title: 500,
  description: 4000,
  reason: 500,
} as const;
