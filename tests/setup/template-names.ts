/** The seeded copy of the run's migrated template (see test-db.ts); dropped by the global teardown. */
export function sampleTemplateName(templateDb: string): string {
  return `${templateDb}_sample`;
}
