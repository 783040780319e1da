// What the bench and the soak share: bring up build lock, PostgreSQL, the cloned portfolio and the app, and
// stop exactly those again (by their own handles, in reverse order).
import { buildIfStale, buildIsCurrent, holdBuildLock, startApp, type App, type LockHold } from "./app";
import { prepareDataset } from "./dataset";
import { BENCH_APP_PORT, startBenchServer, type BenchServer } from "./pg";

export const RUN_DATABASE = "bench_run";

export function chinaDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

export interface Running {
  server: BenchServer;
  app: App;
  lock: LockHold;
}

/** Everything this process started, stopped in reverse order; safe to call twice. */
export function cleanup(parts: Partial<Running>): () => Promise<void> {
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    await parts.app?.stop().catch(() => undefined);
    await parts.server?.stop().catch(() => undefined);
    parts.lock?.release();
  };
}

/** A current production build, held (shared lock) so no one rebuilds it under the run; builds it when stale. */
export async function holdCurrentBuild(log: (l: string) => void): Promise<{ lock: LockHold; buildSeconds: number }> {
  let buildSeconds = 0;
  // BENCH_NO_LOCK=1 (development only): do not wait for the shared hold while someone else's e2e run has it.
  if (process.env.BENCH_NO_LOCK === "1") {
    buildSeconds += buildIfStale(log);
    return { lock: { release: () => undefined }, buildSeconds };
  }
  for (;;) {
    buildSeconds += buildIfStale(log);
    const lock = await holdBuildLock(log);
    if (buildIsCurrent()) return { lock, buildSeconds };
    lock.release(); // someone changed the source meanwhile: build again
  }
}

/** Build (if stale), lock, database, dataset, app: what both the bench and the soak need. */
export async function bringUp(
  parts: Partial<Running>,
  log: (l: string) => void,
): Promise<{ buildSeconds: number; dataset: Awaited<ReturnType<typeof prepareDataset>> }> {
  const { lock, buildSeconds } = await holdCurrentBuild(log);
  parts.lock = lock;
  parts.server = await startBenchServer();
  log(`PostgreSQL ${parts.server.version} ready`);
  const dataset = await prepareDataset(parts.server, RUN_DATABASE, log);
  parts.app = await startApp(dataset.url, BENCH_APP_PORT, log);
  return { buildSeconds, dataset };
}
