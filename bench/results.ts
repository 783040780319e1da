// bench/RESULTS.md: the machine, the dataset, one table per measurement and the issue's targets with pass/miss.
// The Soak section (bench/soak.ts) is kept when the benchmark rewrites the rest, and replaced by the soak.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import type { Dataset } from "./dataset";
import type { ExplainResult } from "./explain";
import type { FirstLoadResult } from "./first-load-js";
import type { LighthouseResult } from "./lighthouse";
import type { LoadResult } from "./load";

export const RESULTS_FILE = join(import.meta.dirname, "RESULTS.md");

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  postgres: string;
  loadAtStart: number[];
}

export function describeMachine(postgres: string): Machine {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? "unknown",
    cores: c.length,
    ramGb: totalmem() / 1024 ** 3,
    node: process.version,
    postgres,
    loadAtStart: loadavg(),
  };
}

export interface BenchReport {
  startedAt: Date;
  totalSeconds: number;
  buildSeconds: number;
  machine: Machine;
  dataset: Dataset;
  itemCode: string;
  load: LoadResult[];
  explain: ExplainResult[];
  firstLoad: FirstLoadResult[];
  lighthouse: LighthouseResult[];
  notes: string[];
}

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "–");
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");

interface Target {
  target: string;
  measured: string;
  pass: boolean | null;
  by: string;
}

function targets(r: BenchReport): Target[] {
  const byName = (n: string) => r.load.find((l) => l.name === n);
  const stat = byName("static page");
  const live = byName("dashboard (live)");
  const asOf = byName("dashboard (as of a year ago)");
  const xlsx = byName("XLSX export (all items)");
  const out: Target[] = [];
  const check = (target: string, value: number | undefined, limit: number, unit: string, higherIsBetter = false) => {
    if (value === undefined || !Number.isFinite(value))
      return out.push({ target, measured: "not measured", pass: null, by: "" });
    const pass = higherIsBetter ? value >= limit : value <= limit;
    const diff = higherIsBetter ? limit - value : value - limit;
    out.push({
      target,
      measured: `${f1(value)} ${unit}`,
      pass,
      by: pass
        ? ""
        : `${f1(diff)} ${unit} ${higherIsBetter ? "short" : "over"} (${f0((higherIsBetter ? value / limit : value / limit) * 100)} % of target)`,
    });
  };
  check("dashboard p50 ≤ 40 ms", live?.p50, 40, "ms");
  check("dashboard p99 ≤ 200 ms", live?.p99, 200, "ms");
  check(
    "dashboard req/s ≥ 40 % of the static page's",
    live && stat ? (live.reqPerSec / stat.reqPerSec) * 100 : undefined,
    40,
    "%",
    true,
  );
  check("as-of dashboard p50 ≤ 2 × live p50", asOf && live ? asOf.p50 / live.p50 : undefined, 2, "×");
  // The first file is built and rendered from the database; later ones come from the file cache until a
  // write, so the target is judged on the first (the load table shows both).
  check(
    "XLSX of all items ≤ 3 s (first file, built from the database)",
    xlsx ? xlsx.firstMs / 1000 : undefined,
    3,
    "s",
  );
  check(
    "server memory ≤ 512 MB under load (max RSS)",
    r.load.length ? Math.max(...r.load.map((l) => l.maxRssMb)) : undefined,
    512,
    "MB",
  );
  const lh = (ff: "desktop" | "mobile") => r.lighthouse.find((l) => l.page === "dashboard" && l.formFactor === ff);
  check("Lighthouse dashboard performance ≥ 95 desktop", lh("desktop")?.performance, 95, "", true);
  check("Lighthouse dashboard performance ≥ 85 mobile", lh("mobile")?.performance, 85, "", true);
  check("Lighthouse dashboard accessibility 100 (desktop)", lh("desktop")?.accessibility, 100, "", true);
  check("Lighthouse dashboard accessibility 100 (mobile)", lh("mobile")?.accessibility, 100, "", true);
  check(
    "first-load JS of the dashboard ≤ 200 KB gzip",
    r.firstLoad.find((x) => x.route === "dashboard")?.gzipKb,
    200,
    "KB",
  );
  return out;
}

export function renderResults(r: BenchReport): string {
  const m = r.machine;
  const d = r.dataset;
  const stat = r.load.find((l) => l.name === "static page");
  const lines: string[] = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` (bench/run.ts) on ${r.startedAt.toISOString()}; the run took ${f0(r.totalSeconds)} s` +
      (r.buildSeconds > 0
        ? ` plus ${f0(r.buildSeconds)} s building the stale production build.`
        : " (the production build was current)."),
    "",
    "## Machine",
    "",
    table(
      ["CPU", "cores", "RAM", "node", "PostgreSQL", "load average at start (1/5/15 min)"],
      [[m.cpu, m.cores, `${f1(m.ramGb)} GB`, m.node, m.postgres, m.loadAtStart.map((x) => x.toFixed(2)).join(" / ")]],
    ),
    "",
    "The app runs with the README's command (scripts/start.ts, production build, one Node process) on the same machine as",
    "PostgreSQL and the load generator; all share the cores, as they would on a small server.",
    "",
    "## Dataset",
    "",
    `Generated by bench/generate.ts (template database \`${d.template}\`, ${d.reused ? "reused from an earlier run because the generator, migrations and document seed are unchanged" : `generated in this run in ${f0(d.generateSeconds)} s`}; cloned for this run in ${f1(d.cloneSeconds)} s).`,
    "",
    table(
      [
        "items",
        "recommendations",
        "actions",
        "retired",
        "units",
        "accounts",
        "progress updates",
        "history rows",
        "milestones",
      ],
      [
        [
          d.counts.items,
          d.counts.recommendations,
          d.counts.actions,
          d.counts.retired,
          d.counts.units,
          d.counts.accounts,
          d.counts.progressUpdates,
          d.counts.history,
          d.counts.milestones,
        ],
      ],
    ),
    "",
    "## Targets (issue 6)",
    "",
    table(
      ["target", "measured", "result", "missed by"],
      targets(r).map((t) => [t.target, t.measured, t.pass === null ? "–" : t.pass ? "pass" : "**miss**", t.by]),
    ),
    "",
    "## Load (autocannon)",
    "",
    `Signed in as bench.admin; each target fetched once (must answer 200), warmed up, then measured. Item page: \`/items/${r.itemCode}\`.`,
    "",
    table(
      [
        "target",
        "path",
        "first (cold) ms",
        "conn.",
        "requests",
        "req/s",
        "p50 ms",
        "p99 ms",
        "mean ms",
        "errors",
        "timeouts",
        "non-2xx",
        "KB/resp.",
        "vs static",
        "max RSS MB",
      ],
      r.load.map((l) => [
        l.slow ? `${l.name} (too slow for the time window: a fixed ${l.requests} requests)` : l.name,
        `\`${l.path}\``,
        f0(l.firstMs),
        l.connections,
        l.requests,
        f1(l.reqPerSec),
        f0(l.p50),
        f0(l.p99),
        f0(l.mean),
        l.errors,
        l.timeouts,
        l.non2xx,
        f1(l.bytesPerRequest / 1024),
        stat ? `${f1((l.reqPerSec / stat.reqPerSec) * 100)} %` : "–",
        f0(l.maxRssMb),
      ]),
    ),
    "",
    "## EXPLAIN (ANALYZE, BUFFERS) at this size",
    "",
    "The dashboard's queries (every exported query* of lib/queries/dashboard.ts, recorded with a stand-in client and run with pg) and the as-of reconstruction (lib/queries/as-of.ts itemStatesSql). Full plans: bench/EXPLAIN.md.",
    "",
    table(
      ["query", "moment", "execution ms", "planning ms", "shared hit", "shared read", "temp blocks"],
      r.explain.map((e) => [
        e.name,
        e.moment,
        f1(e.executionMs),
        f1(e.planningMs),
        e.sharedHit,
        e.sharedRead,
        e.tempBlocks,
      ]),
    ),
    "",
    "## First-load JavaScript",
    "",
    "Each route loaded once in a fresh Chromium context (signed in); every script of that load, gzipped (level 6).",
    "",
    table(
      ["route", "path", "scripts", "raw KB", "gzip KB"],
      r.firstLoad.map((x) => [x.route, `\`${x.path}\``, x.scripts, f1(x.rawKb), f1(x.gzipKb)]),
    ),
    "",
    "## Lighthouse 12.2.3",
    "",
    "Debian's chromium, --headless=new, signed in through the browser's cookie jar; desktop preset and the default mobile emulation. After one warm-up run (not counted), each page and form factor is run 3 times; the row is the run with the median performance score.",
    "",
    table(
      [
        "page",
        "form factor",
        "performance",
        "accessibility",
        "best practices",
        "FCP ms",
        "LCP ms",
        "TBT ms",
        "CLS",
        "failed a11y audits",
      ],
      r.lighthouse.map((l) => [
        l.page,
        l.formFactor,
        l.performance,
        l.accessibility,
        l.bestPractices,
        f0(l.fcpMs),
        f0(l.lcpMs),
        f0(l.tbtMs),
        l.cls.toFixed(3),
        l.failedAudits.join(", ") || "–",
      ]),
    ),
    "",
  ];
  if (r.notes.length) lines.push("## Notes", "", ...r.notes.map((n) => `- ${n}`), "");
  return lines.join("\n");
}

const SOAK_HEADING = "## Soak";
/** Sections other runs write (the soak, the sample portfolio, the profile of the per-request floor): kept when the
 *  benchmark rewrites its own part, which comes before them. */
const KEPT_HEADINGS = [SOAK_HEADING, "## Sample portfolio", "## Per-request floor"];

function firstKept(old: string): number {
  const found = KEPT_HEADINGS.map((h) => old.indexOf(`\n${h}\n`)).filter((i) => i >= 0);
  return found.length ? Math.min(...found) + 1 : -1;
}

/** Writes the benchmark part of RESULTS.md, keeping the sections other runs write. */
export function writeResults(markdown: string): void {
  const old = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, "utf8") : "";
  const i = firstKept(old);
  writeFileSync(RESULTS_FILE, i >= 0 ? `${markdown}\n${old.slice(i)}` : markdown);
}

/** Replaces (or appends) the section under `heading`, keeping everything before and after it. */
export function writeSection(heading: string, section: string): void {
  const old = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, "utf8") : "# Benchmark results\n";
  const at = old.indexOf(`\n${heading}\n`);
  const i = at >= 0 ? at + 1 : -1;
  const base = i >= 0 ? old.slice(0, i) : `${old.trimEnd()}\n\n`;
  const next = i >= 0 ? old.indexOf("\n## ", i + heading.length) : -1;
  const after = next >= 0 ? `\n${old.slice(next).trim()}\n` : "";
  writeFileSync(RESULTS_FILE, `${base}${section.trimEnd()}\n${after}`);
}

/** Replaces (or appends) the Soak section of RESULTS.md, keeping the hand-written sections after it (Map). */
export function writeSoakSection(section: string): void {
  writeSection(SOAK_HEADING, section);
}

export function writeExplainPlans(explain: ExplainResult[]): void {
  const body = explain.map((e) => `## ${e.name} (${e.moment})\n\n\`\`\`\n${e.plan}\n\`\`\`\n`).join("\n");
  writeFileSync(
    join(import.meta.dirname, "EXPLAIN.md"),
    `# Query plans at benchmark size\n\nWritten by \`npm run bench\`.\n\n${body}`,
  );
}
