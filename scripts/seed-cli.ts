// `npm run db:seed [-- --no-sample]`: load the document (and, into an empty database, sample data) into the
// database in DATABASE_URL. Idempotent.
import { createPrismaClient } from "../lib/prisma-client";
import { seed } from "../prisma/seed/run";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("✖ set DATABASE_URL to the database to seed (npm start seeds its embedded database by itself)");
  process.exit(1);
}
const db = createPrismaClient(url, { max: 2 });
seed(db, { sample: !process.argv.includes("--no-sample"), log: console.log })
  .then((report) => {
    console.log(JSON.stringify(report));
    if (report.sampleSkipped) console.log(`sample data not loaded: ${report.sampleSkipped}`);
  })
  .catch((err: unknown) => {
    console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
