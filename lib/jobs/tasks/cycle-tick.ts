// The reporting cycle's tick (crontab.ts: every minute): opens the periods whose day has come
// (lib/writes/periods.ts), closes those whose last day in China is over (lib/writes/period-close.ts), then makes
// the day's reminders, 催办 and 督办 (lib/writes/chase.ts) — after the close, so a period closed today is chased
// from its frozen outcomes.
// Idempotent and safe on several instances at once — one advisory lock for opening; a period closes once and a
// racing close loses cleanly — and it reads the time from the clock it is given, so tests move the clock.
import type { Db } from "../../prisma-client";
import type { BulletinRenderer } from "../../report/bulletin";
import type { SupervisionRenderer } from "../../report/supervision";
import { runChase } from "../../writes/chase";
import { closeDuePeriods } from "../../writes/period-close";
import { openDuePeriods } from "../../writes/periods";

export interface CycleTickDeps {
  client: Db;
  render: BulletinRenderer;
  renderSupervision: SupervisionRenderer;
  /** the clock (lib/clock now) */
  now: () => Date;
}

export async function tickCycle(
  deps: CycleTickDeps,
): Promise<{ opened: number[]; closed: number[]; chased: number; rendered: number[] }> {
  const at = deps.now();
  const opened = await openDuePeriods(deps.client, at);
  const closed = await closeDuePeriods(deps.client, at, deps.render);
  const { made, rendered } = await runChase(deps.client, at, { render: deps.renderSupervision });
  return { opened, closed, chased: made.length, rendered };
}
