// What the soak reads from the app's own /api/metrics every few seconds (bench/soak.ts), parsed by the strict
// Prometheus text parser the metrics tests use.
import { parsePrometheusText, sampleValue } from "../tests/support/prometheus-text";
import { BENCH_METRICS_TOKEN, type App } from "./app";

export interface ServerSample {
  /** Heap after the last full collection (MB); null before the first one. */
  heapMb: number | null;
  /** Longest event-loop delay since the previous read (prom-client resets it at every scrape), ms. */
  lagMaxMs: number;
  /** Requests waiting for one of the app pool's database connections at that moment. */
  poolWaiting: number;
}

export async function serverSample(app: App): Promise<ServerSample> {
  const res = await fetch(new URL("/api/metrics", app.baseUrl), {
    headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` },
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`/api/metrics answered ${res.status}`);
  const families = parsePrometheusText(text);
  if (!families.has("tracker_heap_after_full_gc_bytes")) throw new Error("/api/metrics has no heap gauge");
  const heap = sampleValue(families, "tracker_heap_after_full_gc_bytes");
  return {
    heapMb: heap > 0 ? heap / 1048576 : null,
    lagMaxMs: sampleValue(families, "nodejs_eventloop_lag_max_seconds") * 1000,
    poolWaiting: sampleValue(families, "tracker_db_pool_connections", { pool: "app", state: "waiting" }),
  };
}
