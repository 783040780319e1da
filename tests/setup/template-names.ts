/**
 * The seeded copy of the run's migrated template (see test-db.ts). \`npm test\` names it (TEST_SAMPLE_TEMPLATE) so
 * that its end-to-end step clones the same seeded database instead of seeding the sample year again, and drops
 * it itself; otherwise the integration run's global teardown drops it.
 */
export function sampleTemplateName(templateDb: string): string {
  return process.env.TEST_SAMPLE_TEMPLATE || `${templateDb}_sample`;
}

/** Whether the run's teardown drops the sample template (not when \`npm test\` owns it). */
export const sampleTemplateOwned = (): boolean => !process.env.TEST_SAMPLE_TEMPLATE;
