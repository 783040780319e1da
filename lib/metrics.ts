// The process's Prometheus metrics (prom-client), served at /api/metrics. One registry per process, shared by
// Next's server bundle and the start script (each loads its own copy of this module) under a registered
// symbol. Every series is this instance's own: Prometheus adds the `instance` label when it scrapes, and sums
// across instances. Each recorder below is called where the thing happens:
//   requests ……… scripts/start.ts (the HTTP server: every response, pages and route handlers alike)
//   database ……… lib/prisma-client.ts (each pool's connections at scrape time; every query's time)
//   caches ………… lib/cache/version-keyed.ts       reports … lib/export/render.ts
//   jobs ………………… lib/jobs/runner.ts (failures) and the queue's tables at scrape time (app/api/metrics)
//   sign-in ……… lib/auth/credentials.ts (failures and throttled attempts)
//   heap ………… here: the heap after each full garbage collection (a gc observer)
import { constants, PerformanceObserver } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const pools = new Map<string, () => PoolStats>();
  const metrics = {
    registry,
    pools,
    httpRequests: new Counter({
      name: "tracker_http_requests_total",
      help: "HTTP requests answered, by route pattern, method and status",
      labelNames: ["route", "method", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "tracker_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by route pattern, method and status",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    poolConnections: new Gauge({
      name: "tracker_db_pool_connections",
      help: "Connections of each database pool of this process: total open, idle, and callers waiting for one",
      labelNames: ["pool", "state"] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [pool, stats] of pools) {
          const s = stats();
          this.set({ pool, state: "total" }, s.total);
          this.set({ pool, state: "idle" }, s.idle);
          this.set({ pool, state: "waiting" }, s.waiting);
        }
      },
    }),
    queryDuration: new Histogram({
      name: "tracker_db_query_duration_seconds",
      help: "Time of each database query, by pool and outcome",
      labelNames: ["pool", "outcome"] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
    cacheLookups: new Counter({
      name: "tracker_cache_lookups_total",
      help: "Lookups in this process's version-keyed caches, by cache and result (hit or miss)",
      labelNames: ["cache", "result"] as const,
      registers: [registry],
    }),
    reportBuilds: new Counter({
      name: "tracker_report_builds_total",
      help: "Report files built, by format and outcome",
      labelNames: ["format", "outcome"] as const,
      registers: [registry],
    }),
    reportDuration: new Histogram({
      name: "tracker_report_build_duration_seconds",
      help: "Time to build a report file, by format",
      labelNames: ["format"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    jobQueue: new Gauge({
      name: "tracker_job_queue_jobs",
      help: "Jobs in the shared queue (all instances) at scrape time: queued (due or scheduled), retrying, running, failed for good",
      labelNames: ["state"] as const,
      registers: [registry],
    }),
    jobFailures: new Counter({
      name: "tracker_job_failures_total",
      help: "Job attempts that failed in this process, by task and whether it was the last attempt (final)",
      labelNames: ["task", "final"] as const,
      registers: [registry],
    }),
    backupState: new Gauge({
      name: "tracker_backup_state",
      help: "The scheduled backup's state at scrape time, 1 for the current one: off, invalid, waiting, running, ok, failed",
      labelNames: ["state"] as const,
      registers: [registry],
    }),
    backupLastSuccess: new Gauge({
      name: "tracker_backup_last_success_timestamp_seconds",
      help: "When the last successful scheduled backup finished, in Unix seconds (0: none yet)",
      registers: [registry],
    }),
    signIns: new Counter({
      name: "tracker_sign_in_attempts_total",
      help: "Password sign-in attempts, by outcome: success, failed (wrong name or password, disabled), throttled",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    heapAfterFullGc: new Gauge({
      name: "tracker_heap_after_full_gc_bytes",
      help: "JavaScript heap in use right after this process's last full (mark-compact) garbage collection, 0 before the first: a leak shows as this rising, while RSS and the heap at any other moment mostly measure garbage not collected yet",
      registers: [registry],
    }),
  };
  watchFullCollections(metrics.heapAfterFullGc);
  return metrics;
}

/**
 * Records the heap in use after each full collection. The observer hears of a collection a moment after it,
 * so the figure includes what was allocated in between: a little above the live heap, never below it.
 */
function watchFullCollections(gauge: Gauge): void {
  gauge.set(0);
  const observer = new PerformanceObserver((list) => {
    const full = list
      .getEntries()
      .some((e) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
    if (full) gauge.set(getHeapStatistics().used_heap_size);
  });
  observer.observe({ entryTypes: ["gc"] });
}

type Metrics = ReturnType<typeof create>;
const KEY = Symbol.for("chengyu-tracker.metrics");

export function metrics(): Metrics {
  const holder = globalThis as unknown as Record<symbol, Metrics | undefined>;
  return (holder[KEY] ??= create());
}

export function observeRequest(route: string, method: string, status: number, seconds: number): void {
  const labels = { route, method, status: String(status) };
  metrics().httpRequests.inc(labels);
  metrics().httpDuration.observe(labels, seconds);
}

/** A pool to report at scrape time; the returned function stops reporting it (the pool was closed). */
export function registerPool(name: string, stats: () => PoolStats): () => void {
  metrics().pools.set(name, stats);
  return () => {
    if (metrics().pools.get(name) === stats) metrics().pools.delete(name);
  };
}

export function observeQuery(pool: string, seconds: number, ok: boolean): void {
  metrics().queryDuration.observe({ pool, outcome: ok ? "ok" : "error" }, seconds);
}

export function countCacheLookup(cache: string, hit: boolean): void {
  metrics().cacheLookups.inc({ cache, result: hit ? "hit" : "miss" });
}

export function observeReportBuild(format: string, seconds: number, ok: boolean): void {
  metrics().reportBuilds.inc({ format, outcome: ok ? "ok" : "error" });
  if (ok) metrics().reportDuration.observe({ format }, seconds);
}

export function setJobQueue(counts: Record<string, number>): void {
  for (const [state, value] of Object.entries(counts)) metrics().jobQueue.set({ state }, value);
}

export const BACKUP_STATES = ["off", "invalid", "waiting", "running", "ok", "failed"] as const;

/** The scheduled backup as /admin shows it (lib/queries/backups.ts backupStatus), for alerting on a stale backup. */
export function setBackupStatus(state: (typeof BACKUP_STATES)[number], lastSuccess: Date | null): void {
  for (const s of BACKUP_STATES) metrics().backupState.set({ state: s }, s === state ? 1 : 0);
  metrics().backupLastSuccess.set(lastSuccess ? lastSuccess.getTime() / 1000 : 0);
}

export function countJobFailure(task: string, final: boolean): void {
  metrics().jobFailures.inc({ task, final: String(final) });
}

export function countSignIn(outcome: "success" | "failed" | "throttled"): void {
  metrics().signIns.inc({ outcome });
}

export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export function metricsText(): Promise<string> {
  return metrics().registry.metrics();
}
