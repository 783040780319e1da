// graphile-worker keeps its queue in a schema of its own (graphile_worker: jobs, tasks, queues, crontab
// bookkeeping), installed and upgraded by its own migrations. The app installs it with its own migrations
// (scripts/db/migrate.ts), so every prepared database — `npm start`, `npm run db:migrate`, the test templates —
// can take a job (enqueue.ts) before any runner has started. The runner checks it again at start (a no-op).
//
// It is not part of the app's data: schema-drift and db:backup / db:restore look at schema public only. Jobs
// are transient — whatever they do is derived from the data (a tick finds the due periods itself), so a
// restored database starts with an empty queue and the crontab fills it again.
import { runMigrations } from "graphile-worker";
import { jobLogger } from "./logger";

export const JOB_SCHEMA = "graphile_worker";

export async function installJobSchema(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, maxPoolSize: 2, logger: jobLogger(), noPreparedStatements: false });
}
