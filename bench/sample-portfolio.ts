// The bench's "Sample portfolio" section (issue 18): the ~143-item 示例 portfolio that `npm start` seeds, signed
// in as the sample leader (a VIEWER), 20 connections, every page in one run beside two ceilings of the same
// build: the static file (/favicon.ico) and the minimal dynamic page (/api/floor: one query, no layout).
//
//   npm run bench -- --sample-only     only this section (a few minutes once the sample template exists)
//
// The full `npm run bench` runs it last, on the same PostgreSQL, after stopping the large portfolio's app.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join, relative } from "node:path";
import pg from "pg";
import { ensureSampleTemplate } from "../scripts/db/sample-template";
import { SAMPLE_PASSWORD } from "../prisma/seed/sample/accounts";
import { HttpSession } from "../tests/support/http-client";
import { root, startApp, type App } from "./app";
import { chinaDay, type Running } from "./lifecycle";
import { loadTarget, type LoadResult, type Target } from "./load";
import { BENCH_APP_PORT, adminQuery, type BenchServer } from "./pg";
import { writeSection } from "./results";

export const SAMPLE_HEADING = "## Sample portfolio";
const SAMPLE_RUN_DATABASE = "bench_sample_run";
/** the sample's leader (VIEWER): reads the dashboard and reports, as the figures were taken */
export const SAMPLE_LEADER = "leader";
const CONNECTIONS = 20;
const INPUTS = ["prisma/migrations", "prisma/seed"];

function files(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((e) => files(join(path, e)));
}

/** The template's name changes with what shapes the sample (migrations, seed), so a stale one is never cloned. */
function sampleTemplateName(): string {
  const h = createHash("sha256");
  for (const f of INPUTS.flatMap((i) => files(join(root, i))).sort())
    h.update(relative(root, f)).update(readFileSync(f));
  return `bench_sample_${h.digest("hex").slice(0, 12)}`;
}

/**
 * A fresh copy of the sample portfolio: the template (migrated, document and sample year seeded exactly as
 * `npm start` seeds them, scripts/db/sample-template.ts) made once — minutes of CPU — then cloned per run.
 */
export async function prepareSampleDatabase(
  server: BenchServer,
  log: (l: string) => void,
): Promise<{ url: string; template: string; seeded: boolean; items: number }> {
  const template = sampleTemplateName();
  const old = await adminQuery(
    server.adminUrl,
    "SELECT datname FROM pg_database WHERE datname LIKE 'bench_sample_%' AND datname NOT IN ($1, $2)",
    [template, SAMPLE_RUN_DATABASE],
  );
  for (const r of old.rows as { datname: string }[])
    await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  log(`sample template ${template}: seeding it unless it exists (first time ~2–3 min)…`);
  const seeded = await ensureSampleTemplate(server.adminUrl, template);
  await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${SAMPLE_RUN_DATABASE}" WITH (FORCE)`);
  await adminQuery(server.adminUrl, `CREATE DATABASE "${SAMPLE_RUN_DATABASE}" TEMPLATE "${template}"`);
  const url = server.urlFor(SAMPLE_RUN_DATABASE);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ n: number }>("SELECT count(*)::int AS n FROM items WHERE retired_at IS NULL");
  await c.end();
  return { url, template, seeded, items: rows[0]!.n };
}

/** Bytes of a body fetched once, with the session (and extra headers: `RSC: 1` for the Flight payload). */
async function bodyBytes(baseUrl: string, cookie: string, path: string, extra: Record<string, string> = {}) {
  let res = await fetch(new URL(path, baseUrl), { headers: { cookie, ...extra }, redirect: "manual" });
  const location = res.headers.get("location");
  // Next answers an RSC request without its cache-busting `_rsc` parameter by redirecting to the URL with it.
  if (res.status === 307 && location?.includes("_rsc")) {
    await res.arrayBuffer();
    res = await fetch(new URL(location, baseUrl), { headers: { cookie, ...extra }, redirect: "manual" });
  }
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${path} (${JSON.stringify(extra)}) answered ${res.status}`);
  return { bytes: body.byteLength, type: res.headers.get("content-type") ?? "" };
}

export interface SampleRow extends LoadResult {
  htmlKb: number;
  /** the dashboard's Flight payload (`RSC: 1`), what a client-side navigation fetches */
  rscKb?: number;
}

export interface SampleReport {
  template: string;
  items: number;
  itemCode: string;
  loadBefore: number[];
  loadAfter: number[];
  seconds: number;
  rows: SampleRow[];
}

/** Signs in as the sample leader and measures every target against `app` (serving the sample database). */
export async function measureSample(
  app: App,
  log: (l: string) => void,
  seconds: number,
  warmupSeconds: number,
): Promise<Omit<SampleReport, "template" | "items">> {
  const loadBefore = loadavg();
  const session = new HttpSession(app.baseUrl);
  await session.signIn(SAMPLE_LEADER, SAMPLE_PASSWORD);
  const cookie = session.cookieHeader();
  const itemCode = "3.1.1";
  const asOf = `/?asOf=${chinaDay(-30)}&compare=${chinaDay(-120)}`;
  const paths: [string, string, boolean][] = [
    ["static file (ceiling)", "/favicon.ico", false],
    ["minimal dynamic page (ceiling)", "/api/floor", false],
    ["dashboard", "/", true],
    ["dashboard: units and ratings", "/?view=units", true],
    ["dashboard: regions", "/?view=regions", true],
    ["dashboard: updates and conferences", "/?view=activity", true],
    ["dashboard as of / compared", asOf, true],
    ["item page", `/items/${itemCode}`, false],
    ["items list", "/items", false],
    ["pillar page", "/pillars/3", false],
  ];
  const rows: SampleRow[] = [];
  for (const [name, path, rsc] of paths) {
    const target: Target = { name, path, connections: CONNECTIONS, seconds, warmupSeconds };
    log(`sample: ${name} (${path})…`);
    const html = await bodyBytes(app.baseUrl, cookie, path);
    const flight = rsc ? await bodyBytes(app.baseUrl, cookie, path, { RSC: "1" }) : undefined;
    if (flight && !flight.type.includes("text/x-component"))
      throw new Error(`${path} with RSC: 1 answered ${flight.type}, not a Flight payload`);
    const r = await loadTarget(app.baseUrl, cookie, target, app.pid);
    rows.push({ ...r, htmlKb: html.bytes / 1024, rscKb: flight ? flight.bytes / 1024 : undefined });
    log(
      `  ${r.reqPerSec.toFixed(1)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, HTML ${(html.bytes / 1024).toFixed(1)} KB` +
        (flight ? `, RSC ${(flight.bytes / 1024).toFixed(1)} KB` : "") +
        `, errors ${r.errors}, non-2xx ${r.non2xx}`,
    );
  }
  return { itemCode, loadBefore, loadAfter: loadavg(), seconds, rows };
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "–");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;

export function renderSample(r: SampleReport, startedAt: Date): string {
  const stat = r.rows.find((x) => x.path === "/favicon.ico");
  const floor = r.rows.find((x) => x.path === "/api/floor");
  const pct = (x: SampleRow, of: SampleRow | undefined) => (of ? `${f1((x.reqPerSec / of.reqPerSec) * 100)} %` : "–");
  const pages = r.rows.filter((x) => x !== stat && x !== floor);
  // every view of the dashboard (app/page.tsx) is held to its size target
  const dashboards = r.rows.filter((x) => x.path === "/" || x.path.startsWith("/?view="));
  const targetRows: string[] = pages.map((p) => {
    const share = stat ? (p.reqPerSec / stat.reqPerSec) * 100 : NaN;
    const ok = p.reqPerSec >= 150 && share >= 20 && p.p99 <= 250;
    return row([
      `${p.name}: ≥ 150 req/s (≥ 20 % of static), p99 ≤ 250 ms`,
      `${f1(p.reqPerSec)} req/s (${f1(share)} %), p99 ${f0(p.p99)} ms`,
      ok ? "pass" : "**miss**",
    ]);
  });
  for (const dashboard of dashboards)
    targetRows.push(
      row([
        `${dashboard.name} HTML (RSC payload inlined) ≤ 80 KB`,
        `${f1(dashboard.htmlKb)} KB`,
        dashboard.htmlKb <= 80 ? "pass" : "**miss**",
      ]),
    );
  return [
    SAMPLE_HEADING,
    "",
    `Written by \`npm run bench\` (or \`npm run bench -- --sample-only\`, bench/sample-portfolio.ts) on ${startedAt.toISOString()}.`,
    `The 示例 portfolio as \`npm start\` seeds it (template \`${r.template}\`, ${r.items} items not retired), signed in as`,
    `the sample leader \`${SAMPLE_LEADER}\` (VIEWER), ${CONNECTIONS} connections, ${r.seconds} s per target after a warm-up,`,
    "one target after another against one app process. Load average (1/5/15 min) before:",
    `${r.loadBefore.map((x) => x.toFixed(2)).join(" / ")}, after: ${r.loadAfter.map((x) => x.toFixed(2)).join(" / ")}. The machine is`,
    "shared, so compare the ratios to the two ceilings measured in the same run rather than raw req/s across runs.",
    "HTML KB is the body of one response; RSC KB the Flight payload of the same URL fetched with `RSC: 1`.",
    "",
    row(["path", "target", "req/s", "p50 ms", "p99 ms", "HTML KB", "RSC KB", "vs static", "vs minimal", "non-2xx"]),
    row(Array(10).fill("---")),
    ...r.rows.map((x) =>
      row([
        x.name,
        `\`${x.path}\``,
        f1(x.reqPerSec),
        f0(x.p50),
        f0(x.p99),
        f1(x.htmlKb),
        x.rscKb === undefined ? "–" : f1(x.rscKb),
        pct(x, stat),
        pct(x, floor),
        x.non2xx + x.errors,
      ]),
    ),
    "",
    "Targets (issue 18):",
    "",
    row(["target", "measured", "result"]),
    row(["---", "---", "---"]),
    ...targetRows,
    "",
  ].join("\n");
}

/**
 * The section, on the bench's PostgreSQL (`parts.server`): stops the app running (the large portfolio's, if any),
 * serves the sample on the bench's app port, measures, writes the section of RESULTS.md. The sample's app is
 * put in `parts` at once, so the caller's cleanup (also on Ctrl-C) stops it.
 */
export async function runSampleSection(
  parts: Partial<Running>,
  log: (l: string) => void,
  opts: { seconds: number; warmupSeconds: number },
): Promise<void> {
  const startedAt = new Date();
  await parts.app?.stop();
  parts.app = undefined;
  const data = await prepareSampleDatabase(parts.server!, log);
  const app = await startApp(data.url, BENCH_APP_PORT, log);
  parts.app = app;
  const measured = await measureSample(app, log, opts.seconds, opts.warmupSeconds);
  writeSection(SAMPLE_HEADING, renderSample({ ...measured, template: data.template, items: data.items }, startedAt));
  log("bench/RESULTS.md: Sample portfolio section written");
}
