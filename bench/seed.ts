// `node --import tsx bench/seed.ts [runs]`: times the seed (document + sample year) into fresh migrated
// databases on one throwaway embedded PostgreSQL (or TEST_ADMIN_DATABASE_URL), and prints each run's seconds
// and the load average beside it (the machine's other work shows in the numbers). Used for bench/SEED.md.
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import pg from "pg";
import { acquireTestCluster, adminQuery, databaseUrl } from "../scripts/db/test-cluster";
import { migrate } from "../scripts/db/migrate";
import { createPrismaClient } from "../lib/prisma-client";
import { seed } from "../prisma/seed/run";

/** CPU seconds (user + system) of a process, from /proc (0 once it is gone). */
function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of the server's backends (the children of the postmaster), as far as /proc shows them. */
async function serverCpu(adminUrl: string): Promise<number> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const ppid = readFileSync(`/proc/${rows[0]!.pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1];
    let sum = 0;
    for (const d of readdirSync("/proc")) {
      if (!/^\d+$/.test(d)) continue;
      try {
        if (readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1]!.split(" ")[1] === ppid) sum += cpuOf(Number(d));
      } catch {
        // gone meanwhile
      }
    }
    return sum;
  } finally {
    await c.end();
  }
}

// Statements sent to PostgreSQL: every query of the seed's client goes through pg's Client#query.
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const runs = Number(process.argv[2] ?? 1);
const now = new Date(process.env.SEED_NOW ?? "2026-11-20T04:00:00Z");
const cluster = await acquireTestCluster();
try {
  for (let i = 0; i < runs; i++) {
    const name = `seed_bench_${process.pid}_${i}`;
    await adminQuery(cluster.adminUrl, `CREATE DATABASE "${name}"`);
    await migrate(databaseUrl(cluster.adminUrl, name));
    const db = createPrismaClient(databaseUrl(cluster.adminUrl, name), { max: 2 });
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ");
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const pg0 = await serverCpu(cluster.adminUrl);
    const statements0 = statements;
    try {
      const report = await seed(db, { sample: true, now, log: (l) => console.log(`  ${l.slice(0, 400)}`) });
      const s = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const nodeCpu = (cpu.user + cpu.system) / 1e6;
      const sent = statements - statements0;
      const pgCpu = (await serverCpu(cluster.adminUrl)) - pg0;
      console.log(
        `run ${i + 1}: seed ${s.toFixed(1)} s wall (load before: ${load}); CPU: node ${nodeCpu.toFixed(1)} s + ` +
          `PostgreSQL ${pgCpu.toFixed(1)} s; ${sent} statements; sample: ${JSON.stringify(report.sample)}`,
      );
    } finally {
      await db.$disconnect();
      await adminQuery(cluster.adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }
} finally {
  await cluster.stop();
}
