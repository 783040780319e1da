// `npm run bench` [-- --soak | --sample-only]: the benchmark suite in one command (≤ 10 minutes on 2 cores when the build is
// current and the generated portfolio can be reused). Starts its own PostgreSQL (or uses BENCH_DATABASE_URL),
// clones the large portfolio, starts the production app, measures, writes bench/RESULTS.md, stops everything
// it started (also on errors and Ctrl-C). With --soak, the soak (bench/soak.ts) runs afterwards on the same app.
// Last, the sample portfolio (bench/sample-portfolio.ts) on an app of its own; --sample-only runs just that.
import pg from "pg";
import { HttpSession } from "../tests/support/http-client";
import { bringUp, chinaDay, cleanup, holdCurrentBuild, type Running } from "./lifecycle";
import { explainAll } from "./explain";
import { firstLoadJs } from "./first-load-js";
import { ADMIN_LOGIN, BENCH_PASSWORD } from "./generate";
import { runLighthouse } from "./lighthouse";
import { loadTarget, type LoadResult, type Target } from "./load";
import { startBenchServer } from "./pg";
import { describeMachine, renderResults, writeExplainPlans, writeResults, type BenchReport } from "./results";
import { runSampleSection } from "./sample-portfolio";
import { runSoak } from "./soak";
import { renderColdAfterWrite, runColdAfterWrite, writeColdAfterWriteSection } from "./cold-after-write";

export const log = (l: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${l}`);
const MEASURE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const CONNECTIONS = 20;
const sampleTimes = { seconds: MEASURE_SECONDS, warmupSeconds: WARMUP_SECONDS };

/** A typical action for the item page: open, not retired, with the median number of versions. */
async function typicalItem(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ code: string }>(`
      SELECT code FROM items
      WHERE level = 'ACTION' AND retired_at IS NULL AND status = 'IN_PROGRESS'
      ORDER BY abs(version - (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY version) FROM items WHERE level = 'ACTION')), id
      LIMIT 1`);
    return rows[0]!.code;
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const withSoak = process.argv.includes("--soak");
  const parts: Partial<Running> = {};
  const stop = cleanup(parts);
  const onSignal = (s: string) => {
    log(`${s}: stopping what the bench started…`);
    void stop().then(() => process.exit(130));
  };
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  try {
    if (process.argv.includes("--sample-only")) {
      parts.lock = (await holdCurrentBuild(log)).lock;
      parts.server = await startBenchServer();
      await runSampleSection(parts, log, sampleTimes);
      return;
    }
    const machine = describeMachine("");
    const { buildSeconds, dataset } = await bringUp(parts, log);
    const began = Date.now() - 0;
    machine.postgres = parts.server!.version;
    const app = parts.app!;

    const session = new HttpSession(app.baseUrl);
    await session.signIn(ADMIN_LOGIN, BENCH_PASSWORD);
    const cookie = session.cookieHeader();
    const itemCode = await typicalItem(dataset.url);
    const yearAgo = chinaDay(-365);

    const targets: Target[] = [
      {
        name: "static page",
        path: "/favicon.ico",
        connections: CONNECTIONS,
        seconds: MEASURE_SECONDS,
        warmupSeconds: WARMUP_SECONDS,
      },
      {
        name: "dashboard (live)",
        path: "/",
        connections: CONNECTIONS,
        seconds: MEASURE_SECONDS,
        warmupSeconds: WARMUP_SECONDS,
      },
      {
        name: "dashboard (as of a year ago)",
        path: `/?asOf=${yearAgo}`,
        connections: CONNECTIONS,
        seconds: MEASURE_SECONDS,
        warmupSeconds: WARMUP_SECONDS,
      },
      {
        name: "items list (filtered)",
        path: "/items?pillar=2&status=IN_PROGRESS",
        connections: CONNECTIONS,
        seconds: MEASURE_SECONDS,
        warmupSeconds: WARMUP_SECONDS,
      },
      {
        name: "item page",
        path: `/items/${itemCode}`,
        connections: CONNECTIONS,
        seconds: MEASURE_SECONDS,
        warmupSeconds: WARMUP_SECONDS,
      },
      // Files of several MB: two at a time, a fixed number, time per file.
      {
        name: "XLSX export (all items)",
        path: "/api/reports?scope=all&format=xlsx",
        connections: 2,
        seconds: 0,
        amount: 6,
        warmupSeconds: 0,
      },
    ];
    const load: LoadResult[] = [];
    for (const t of targets) {
      log(`load: ${t.name} (${t.path})…`);
      const r = await loadTarget(app.baseUrl, cookie, t, app.pid);
      load.push(r);
      log(
        `  ${r.reqPerSec.toFixed(1)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}, max RSS ${r.maxRssMb.toFixed(0)} MB`,
      );
    }

    log("EXPLAIN (ANALYZE, BUFFERS)…");
    const explain = await explainAll(dataset.url, log);
    writeExplainPlans(explain);

    log("first-load JavaScript…");
    const token = session.sessionToken()!;
    const firstLoad = await firstLoadJs(app.baseUrl, { name: "authjs.session-token", value: token }, [
      { route: "dashboard", path: "/" },
      { route: "items list", path: "/items" },
      { route: "item page", path: `/items/${itemCode}` },
      { route: "pillar page", path: "/pillars/1" },
      { route: "reports", path: "/reports" },
    ]);

    log("Lighthouse…");
    const lighthouse = await runLighthouse(
      app.baseUrl,
      session.cookies,
      [
        { page: "dashboard", path: "/" },
        { page: "item page", path: `/items/${itemCode}` },
        { page: "investment", path: "/investment" },
      ],
      log,
    );

    const report: BenchReport = {
      startedAt,
      totalSeconds: (Date.now() - startedAt.getTime()) / 1000 - buildSeconds,
      buildSeconds,
      machine,
      dataset,
      itemCode,
      load,
      explain,
      firstLoad,
      lighthouse,
      notes: [
        `Measured part (after the app started): ${((Date.now() - began) / 1000).toFixed(0)} s.`,
        "Numbers from a shared 2-core machine are noisy: compare runs made under similar load averages.",
      ],
    };
    writeResults(renderResults(report));
    log(
      `bench/RESULTS.md written (${report.totalSeconds.toFixed(0)} s${buildSeconds ? ` + ${buildSeconds.toFixed(0)} s build` : ""})`,
    );

    log("cold after a write…");
    writeColdAfterWriteSection(renderColdAfterWrite(await runColdAfterWrite(app.baseUrl, dataset.url, log)));

    if (withSoak) await runSoak({ app, databaseUrl: dataset.url, log });
    await runSampleSection(parts, log, sampleTimes);
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
