// Next.js calls register() once when a server instance starts (https://nextjs.org/docs/app/guides/instrumentation).
// It starts the reporting-period ticker (lib/writes/period-ticker.ts): periods open and close on their day with
// no one pressing a button. Only in the Node.js server runtime, never while building, once per process, and
// never in the way of the server starting: a ticker that cannot start says so and the app serves anyway (the
// period pages still open due periods themselves).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.PERIOD_TICKER === "off") return;
  const holder = globalThis as unknown as { __trackerPeriodTicker?: unknown };
  if (holder.__trackerPeriodTicker) return;
  try {
    const [{ env }, { createPrismaClient }, { now }, { renderBulletin }, { startTicker }] = await Promise.all([
      import("./lib/env"),
      import("./lib/prisma-client"),
      import("./lib/clock"),
      import("./lib/export/bulletin"),
      import("./lib/writes/period-ticker"),
    ]);
    // A small pool of its own (lib/db.ts is server-only, for the request layer): a tick needs one connection.
    const client = createPrismaClient(env().DATABASE_URL, { max: 2 });
    holder.__trackerPeriodTicker = startTicker({ client, render: renderBulletin, now });
  } catch (error) {
    console.error("reporting periods: the ticker did not start", error);
  }
}
