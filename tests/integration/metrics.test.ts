// /api/metrics' content (lib/metrics.ts), read back through a strict Prometheus text parser after each thing it
// measures has happened: requests by route pattern and status (the HTTP server's observer), the database pools
// and query times, cache hits and misses, report builds, job failures and the queue's depth, sign-in failures
// and throttles. Each check reads the text before and after, so a metric that does not move fails.
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
import { VersionKeyedCache } from "@/lib/cache/version-keyed";
import { renderReport } from "@/lib/export/render";
import { startJobRunner } from "@/lib/jobs/runner";
import { metricsText, setBackupStatus, setJobQueue } from "@/lib/metrics";
import { backupConfig } from "@/lib/backup-schedule";
import { backupStatus } from "@/lib/queries/backups";
import { runScheduledBackup } from "@/lib/writes/backups";
import { createPrismaClient, type Db } from "@/lib/prisma-client";
import { queryJobCounts } from "@/lib/queries/jobs";
import { observe, routeLabeler } from "../../scripts/request-observer";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { parsePrometheusText, sampleSum, sampleValue, type Family } from "../support/prometheus-text";
import { reportFixture } from "../support/report-fixture";

type Families = Map<string, Family>;

/** How much a sample moved between two reads of /api/metrics. */
const moved = (before: Families, after: Families, name: string, labels: Record<string, string>) =>
  sampleValue(after, name, labels) - sampleValue(before, name, labels);

let t: TestDatabase;
let client: Db;

async function read() {
  return parsePrometheusText(await metricsText());
}

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  client = createPrismaClient(t.url, { max: 3, metricsName: "metrics-test" });
});
afterAll(async () => {
  await client.$disconnect();
  await t.drop();
});

describe("the metrics text", () => {
  it("parses strictly and carries every family the issue lists", async () => {
    const families = await read();
    for (const name of [
      "tracker_http_requests_total",
      "tracker_http_request_duration_seconds",
      "tracker_db_pool_connections",
      "tracker_db_query_duration_seconds",
      "tracker_cache_lookups_total",
      "tracker_report_builds_total",
      "tracker_report_build_duration_seconds",
      "tracker_job_queue_jobs",
      "tracker_job_failures_total",
      "tracker_sign_in_attempts_total",
      "tracker_backup_state",
      "tracker_backup_last_success_timestamp_seconds",
      "process_cpu_user_seconds_total",
    ])
      expect(families.has(name), name).toBe(true);
  });

  it("counts and times requests by route pattern and status, and gives each a request id", async () => {
    const root = mkdtempSync(join(tmpdir(), "metrics-routes-"));
    mkdirSync(join(root, ".next"));
    writeFileSync(
      join(root, ".next", "routes-manifest.json"),
      JSON.stringify({
        staticRoutes: [{ page: "/items/import", regex: "^/items/import(?:/)?$" }],
        dynamicRoutes: [{ page: "/items/[code]", regex: "^/items/([^/]+?)(?:/)?$" }],
      }),
    );
    const label = routeLabeler(root);
    const server: Server = createServer((req, res) => {
      observe(req, res, label);
      res.statusCode = req.url?.includes("missing") ? 404 : 200;
      res.end("ok");
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as { port: number };
    try {
      const before = await read();
      const item = await fetch(`http://127.0.0.1:${port}/items/3.1.4?asOf=2026-01-01`);
      await fetch(`http://127.0.0.1:${port}/items/3.1.5`, { headers: { "x-request-id": "nginx-0123456789abcdef" } });
      await fetch(`http://127.0.0.1:${port}/items/import`);
      const missing = await fetch(`http://127.0.0.1:${port}/items/missing`, { headers: { "x-request-id": "bad id!" } });
      await Promise.all([item.text(), missing.text()]);
      expect(item.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
      expect(missing.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
      const after = await read();
      const labels = { route: "/items/[code]", method: "GET", status: "200" };
      expect(moved(before, after, "tracker_http_requests_total", labels)).toBe(2);
      expect(moved(before, after, "tracker_http_request_duration_seconds_count", labels)).toBe(2);
      const imports = { route: "/items/import", method: "GET", status: "200" };
      expect(moved(before, after, "tracker_http_requests_total", imports)).toBe(1);
      const notFound = { route: "/items/[code]", status: "404" };
      expect(moved(before, after, "tracker_http_requests_total", notFound)).toBe(1);
    } finally {
      server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("reports each named pool's connections and times its queries", async () => {
    const before = await read();
    await client.$queryRaw`SELECT pg_sleep(0.02)::text AS slept`;
    // the connection stays open in the pool (a failed query's connection is discarded, so read it now)
    expect(sampleValue(await read(), "tracker_db_pool_connections", { pool: "metrics-test", state: "total" })).toBe(1);
    await expect(client.$queryRawUnsafe("SELECT * FROM no_such_table")).rejects.toThrow();
    const after = await read();
    const ok = { pool: "metrics-test", outcome: "ok" };
    expect(moved(before, after, "tracker_db_query_duration_seconds_count", ok)).toBeGreaterThanOrEqual(1);
    expect(moved(before, after, "tracker_db_query_duration_seconds_sum", ok)).toBeGreaterThanOrEqual(0.02);
    const failed = { pool: "metrics-test", outcome: "error" };
    expect(moved(before, after, "tracker_db_query_duration_seconds_count", failed)).toBe(1);
    // a closed pool is no longer reported
    const other = createPrismaClient(t.url, { max: 1, metricsName: "metrics-closed" });
    await other.$queryRaw`SELECT 1`;
    expect(sampleSum(await read(), "tracker_db_pool_connections", { pool: "metrics-closed" })).toBeGreaterThan(0);
    await other.$disconnect();
    expect(
      (await read()).get("tracker_db_pool_connections")!.samples.some((s) => s.labels.pool === "metrics-closed"),
    ).toBe(false);
  });

  it("counts cache hits and misses by cache", async () => {
    const cache = new VersionKeyedCache(10, "metrics-test");
    const before = await read();
    await cache.get("k", "1", null, async () => 1);
    await cache.get("k", "1", null, async () => 2);
    await cache.get("k", "2", null, async () => 3);
    const after = await read();
    const delta = (result: string) =>
      moved(before, after, "tracker_cache_lookups_total", { cache: "metrics-test", result });
    expect(delta("miss")).toBe(2);
    expect(delta("hit")).toBe(1);
  });

  it("counts and times report builds by format", async () => {
    const before = await read();
    await renderReport(reportFixture(), "csv");
    await renderReport(reportFixture(), "json");
    const after = await read();
    for (const format of ["csv", "json"]) {
      expect(moved(before, after, "tracker_report_builds_total", { format, outcome: "ok" })).toBe(1);
      expect(moved(before, after, "tracker_report_build_duration_seconds_count", { format })).toBe(1);
    }
  });

  it("counts sign-in failures and throttled attempts", async () => {
    const before = await read();
    const ip = "198.51.100.7";
    for (let i = 0; i < 5; i++)
      expect(await checkCredentials(client, { loginName: "leader", password: "wrong password" }, ip)).toMatchObject({
        ok: false,
        reason: "invalid",
      });
    expect(await checkCredentials(client, { loginName: "leader", password: "Chengyu#2026" }, ip)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await checkCredentials(client, { loginName: "admin", password: "Chengyu#2026" }, ip)).toMatchObject({
      ok: true,
    });
    const after = await read();
    const delta = (outcome: string) => moved(before, after, "tracker_sign_in_attempts_total", { outcome });
    expect(delta("failed")).toBe(5);
    expect(delta("throttled")).toBe(1);
    expect(delta("success")).toBe(1);
  });

  it("counts job failures by task and reads the queue's depth", async () => {
    const runner = await startJobRunner({
      connectionString: t.url,
      deps: undefined as never,
      cron: [],
      tickAtStart: false,
      taskList: {
        "metrics-boom": async () => {
          throw new Error("boom");
        },
      },
    });
    try {
      const before = await read();
      await runner.runner.addJob("metrics-boom", {}, { maxAttempts: 1 });
      await runner.runner.addJob("metrics-later", {}, { runAt: new Date(Date.now() + 3_600_000) });
      const deadline = Date.now() + 30_000;
      let failures = 0;
      while (failures < 1 && Date.now() < deadline) {
        await t.db.$queryRaw`SELECT 1`;
        failures =
          sampleValue(await read(), "tracker_job_failures_total", { task: "metrics-boom", final: "true" }) -
          sampleValue(before, "tracker_job_failures_total", { task: "metrics-boom", final: "true" });
      }
      expect(failures).toBe(1);
      setJobQueue(await queryJobCounts(t.db));
      const after = await read();
      expect(sampleValue(after, "tracker_job_queue_jobs", { state: "failed" })).toBe(1);
      expect(sampleValue(after, "tracker_job_queue_jobs", { state: "queued" })).toBe(1);
      expect(sampleValue(after, "tracker_job_queue_jobs", { state: "running" })).toBe(0);
    } finally {
      await runner.stop();
    }
  });

  it("reports the scheduled backup: its state, and when the last one succeeded", async () => {
    const dir = mkdtempSync(join(tmpdir(), "metrics-backup-"));
    const config = backupConfig({ BACKUP_DIR: dir, BACKUP_KEEP: "2", BACKUP_AT: "02:30" });
    // 2031-05-06 02:31 China: the day's slot (02:30) has come
    const at = new Date("2031-05-05T18:31:00Z");
    try {
      const waiting = await backupStatus(t.db, at, config);
      setBackupStatus(waiting.state, waiting.lastSuccess?.finishedAt ?? null);
      const before = await read();
      expect(sampleValue(before, "tracker_backup_state", { state: "ok" })).toBe(0);
      expect(sampleValue(before, "tracker_backup_last_success_timestamp_seconds")).toBe(0);

      const outcome = await runScheduledBackup({ client: t.db, databaseUrl: t.url, now: () => at, config });
      expect(outcome).toMatchObject({ ran: true, ok: true });
      const done = await backupStatus(t.db, at, config);
      setBackupStatus(done.state, done.lastSuccess?.finishedAt ?? null);
      const after = await read();
      expect(sampleValue(after, "tracker_backup_state", { state: "ok" })).toBe(1);
      expect(sampleValue(after, "tracker_backup_state", { state: waiting.state })).toBe(0);
      expect(sampleValue(after, "tracker_backup_last_success_timestamp_seconds")).toBe(
        done.lastSuccess!.finishedAt!.getTime() / 1000,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
