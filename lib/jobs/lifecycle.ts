// The job runners of this process, so that `npm start`'s stop (scripts/start.ts → shutdown.ts) can stop them
// before it stops PostgreSQL. The runner is started by instrumentation.ts inside Next's server bundle, which
// has its own copy of every module: the registry lives on globalThis under a registered symbol, the one thing
// both copies share.
import { logger } from "../log";

const KEY = Symbol.for("chengyu-tracker.job-runners");

export interface StoppableRunner {
  stop(): Promise<void>;
}

function registry(): Set<StoppableRunner> {
  const holder = globalThis as unknown as Record<symbol, Set<StoppableRunner> | undefined>;
  return (holder[KEY] ??= new Set());
}

export function registerRunner(runner: StoppableRunner): () => void {
  registry().add(runner);
  return () => registry().delete(runner);
}

export function runnerCount(): number {
  return registry().size;
}

/** Stops every runner of this process (each finishes or gives back the jobs it holds); never throws. */
export async function stopJobRunners(): Promise<void> {
  const runners = [...registry()];
  await Promise.all(
    runners.map((r) => r.stop().catch((error: unknown) => logger().error({ err: error }, "jobs: stop failed"))),
  );
}
