// `npm test`'s background seed of the run's sample template (scripts/db/sample-template.ts): started at the
// beginning of the run, it prints SEEDING_LOCKED once it holds the seeding lock, so the test files that need the
// sample wait for it instead of seeding it again. The server and the name come in the environment
// (TEST_ADMIN_DATABASE_URL, TEST_SAMPLE_TEMPLATE), not on the command line where `ps` would show them.
import { ensureSampleTemplate, SEEDING_LOCKED } from "./db/sample-template";

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
const name = process.env.TEST_SAMPLE_TEMPLATE;
if (!adminUrl || !name) {
  console.error("seed-sample-template: TEST_ADMIN_DATABASE_URL and TEST_SAMPLE_TEMPLATE must be set");
  process.exit(2);
}
const t0 = performance.now();
ensureSampleTemplate(adminUrl, name, { onLocked: () => console.log(SEEDING_LOCKED) }).then(
  (seeded) => {
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    if (seeded) console.log(`• sample template seeded in the background in ${s} s`);
  },
  (error: unknown) => {
    console.error("• the sample template could not be seeded:", error);
    process.exit(1);
  },
);
