// Periods open and close with no one pressing a button: every app instance runs this small in-process ticker
// (started by instrumentation.ts), once at start and then every minute. Each tick opens what is due and closes
// what is due; both are safe with several instances (one advisory lock; a period closes once, the other
// instance's attempt loses cleanly). Kept small and free of Next.js so that moving it onto a PostgreSQL job
// queue later replaces only this file and its caller.
import { isDatabaseUnavailable } from "../db-errors";
import type { Db } from "../prisma-client";
import type { BulletinRenderer } from "../report/bulletin";
import { closeDuePeriods } from "./period-close";
import { openDuePeriods } from "./periods";

export interface TickerDeps {
  client: Db;
  render: BulletinRenderer;
  /** the clock (lib/clock now) */
  now: () => Date;
}

export const TICK_INTERVAL_MS = 60_000;

/** One tick: opens the periods whose day has come, then closes those whose closing day is over. */
export async function tickPeriods(deps: TickerDeps): Promise<{ opened: number[]; closed: number[] }> {
  const at = deps.now();
  const opened = await openDuePeriods(deps.client, at);
  const closed = await closeDuePeriods(deps.client, at, deps.render);
  return { opened, closed };
}

export interface Ticker {
  stop(): void;
  /** the tick under way (or the last one): tests and a graceful stop can wait for it */
  idle(): Promise<void>;
}

/**
 * Runs tickPeriods now and every `intervalMs`. Ticks never overlap (a slow close skips the next minute rather
 * than queueing behind it), and the timer is unref'd: it never keeps the process alive, so stopping the app
 * is not delayed by it. A failing tick is logged and the next one tries again.
 */
export function startTicker(
  deps: TickerDeps,
  intervalMs = TICK_INTERVAL_MS,
  log: (message: string, error?: unknown) => void = (m, e) => console.error(m, e),
): Ticker {
  let current: Promise<void> = Promise.resolve();
  let running = false;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = true;
    current = tickPeriods(deps)
      .then(({ opened, closed }) => {
        if (opened.length > 0 || closed.length > 0)
          console.log(`reporting periods: opened ${JSON.stringify(opened)}, closed ${JSON.stringify(closed)}`);
      })
      .catch((error: unknown) => {
        if (stopped) return;
        if (isDatabaseUnavailable(error)) log("reporting periods: database unavailable, will try again");
        else log("reporting periods: the tick failed, will try again", error);
      })
      .finally(() => {
        running = false;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
    idle: () => current,
  };
}
