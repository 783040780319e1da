import { markRequestFailed } from "./lib/http/failed-requests";

// Next.js calls register() once when a server instance starts (https://nextjs.org/docs/app/guides/instrumentation).
// It starts this instance's job runner (lib/jobs/runner.ts, graphile-worker on the app's PostgreSQL): the
// crontab's timed work — periods opening and closing on their day with no one pressing a button — and every
// job the app enqueues. Only in the Node.js server runtime, never while building, once per process, not with
// JOBS=off (that instance then only enqueues; another instance runs the jobs), and never in the way of the
// server starting: a runner that cannot start says so and the app serves anyway (the period pages still open
// due periods themselves). `npm start` stops it before it stops PostgreSQL (scripts/shutdown.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request: what outlives a request is made in this context (lib/outside-requests.ts).
  (await import("./lib/outside-requests")).rememberContextOutsideRequests();
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.JOBS === "off") return;
  const holder = globalThis as unknown as { __trackerJobRunner?: unknown };
  if (holder.__trackerJobRunner) return;
  holder.__trackerJobRunner = true;
  try {
    const [
      { env },
      { createPrismaClient },
      { now },
      { renderBulletin },
      { renderSupervision },
      { startJobRunner },
      { closeOnStop },
    ] = await Promise.all([
      import("./lib/env"),
      import("./lib/prisma-client"),
      import("./lib/clock"),
      import("./lib/export/bulletin"),
      import("./lib/export/supervision"),
      import("./lib/jobs/runner"),
      import("./lib/process-stop"),
    ]);
    const url = env().DATABASE_URL;
    // A small pool of its own for the tasks (lib/db.ts is server-only, for the request layer), closed by a stop
    // after the runner has stopped.
    const db = createPrismaClient(url, { max: 2, metricsName: "jobs" });
    closeOnStop("job tasks' database pool", () => db.$disconnect());
    holder.__trackerJobRunner = await startJobRunner({
      connectionString: url,
      deps: { db, now, renderBulletin, renderSupervision },
    });
  } catch (error) {
    holder.__trackerJobRunner = undefined;
    const { logger } = await import("./lib/log");
    logger().error({ err: error }, "jobs: the job runner did not start");
  }
}

/**
 * Every error Next catches while rendering a page or running a route handler or action, as one JSON line with
 * the request id that the response header and the error page (错误编号) show, and Next's digest of the error.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routerKind: string; routePath: string; routeType: string },
): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const requestId = request.headers["x-request-id"];
  const id = Array.isArray(requestId) ? requestId[0] : requestId;
  // Before any await: the page cache asks when the response ends (lib/http/failed-requests.ts).
  if (id) markRequestFailed(id);
  const { logger } = await import("./lib/log");
  logger().error(
    {
      err: error,
      digest: (error as { digest?: unknown } | null)?.digest,
      requestId: id,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
}
