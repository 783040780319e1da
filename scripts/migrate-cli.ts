// `npm run db:migrate`: apply pending migrations to the database in DATABASE_URL.
import { migrate } from "./db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("✖ set DATABASE_URL to the database to migrate (npm start migrates its embedded database by itself)");
  process.exit(1);
}
migrate(url).then(
  (applied) => console.log(applied.length ? `applied: ${applied.join(", ")}` : "no pending migrations"),
  (err: unknown) => {
    console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
