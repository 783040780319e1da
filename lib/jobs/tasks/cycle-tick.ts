// The reporting cycle's tick (crontab.ts: every minute): opens the periods whose day has come
// (lib/writes/periods.ts) and closes those whose last day in China is over (lib/writes/period-close.ts).
// Idempotent and safe on several instances at once — one advisory lock for opening; a period closes once and a
// racing close loses cleanly — and it reads the time from the clock it is given, so tests move the clock.
import type { Db } from "../../prisma-client";
import type { BulletinRenderer } from "../../report/bulletin";
import { closeDuePeriods } from "../../writes/period-close";
import { openDuePeriods } from "../../writes/periods";

export interface CycleTickDeps {
  client: Db;
  render: BulletinRenderer;
  /** the clock (lib/clock now) */
  now: () => Date;
}

export async function tickCycle(deps: CycleTickDeps): Promise<{ opened: number[]; closed: number[] }> {
  const at = deps.now();
  const opened = await openDuePeriods(deps.client, at);
  const closed = await closeDuePeriods(deps.client, at, deps.render);
  return { opened, closed };
}
