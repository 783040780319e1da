// "Cold after a write" (issue 18): an editor changes one item through the real write path (the server action
// postProgressUpdate over HTTP, as the soak's editors do), then a leader opens the dashboard; the time of that
// first dashboard (whole streamed body) is what a leader waits while staff are writing. Repeated ROUNDS times
// on different items; p50 and max. Called by bench/run.ts after the load step; runs alone too:
//
//   BENCH_PG_PORT=… BENCH_APP_PORT=… node --import tsx bench/cold-after-write.ts
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { formOf, HttpSession } from "../tests/support/http-client";
import { LivePortfolioStore } from "../lib/cache/live-portfolio";
import { createPrismaClient } from "../lib/prisma-client";
import * as live from "../lib/queries/live-figures";
import { columnsOf } from "../lib/queries/live-columns";
import { changeItem } from "../lib/writes/item-change";
import { queryHeadlineIndicators } from "../lib/queries/indicators";
import { queryInvestmentTotals } from "../lib/queries/investment";
import { queryPeriodFulfilment } from "../lib/queries/periods";
import { queryRecentUpdates } from "../lib/queries/dashboard";
import { currentPeriod } from "../lib/writes/periods";
import { DEFAULT_UNIT_SORT } from "../lib/validations/dashboard";
import { ADMIN_LOGIN, BENCH_PASSWORD } from "./generate";
import { bringUp, cleanup, type Running } from "./lifecycle";

const ROUNDS = Number(process.env.COLD_ROUNDS ?? 10);

export interface ColdAfterWrite {
  rounds: number;
  /** ms of each first dashboard after a write, in order */
  dashboardMs: number[];
  /** writes the app refused (rounds not counted) */
  refused: number;
  /** ms of each write (the action's answer) */
  writeMs: number[];
  /** ms of a second dashboard right after the first (warm, same version) */
  warmMs: number[];
  p50: number;
  max: number;
  /** the live widgets' own cost (lib/cache/live-portfolio.ts, lib/queries/live-figures.ts), ms */
  parts: { name: string; ms: number }[];
}

/**
 * What the live widgets cost without the app around them: the in-memory table's first load, its refresh after
 * one item changed, and each live figure computed from it (the SQL they replaced: EXPLAIN below).
 */
async function liveParts(databaseUrl: string, db: pg.Client): Promise<{ name: string; ms: number }[]> {
  const prisma = createPrismaClient(databaseUrl, { max: 4 });
  const out: { name: string; ms: number }[] = [];
  const timed = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    const v = await f();
    out.push({ name, ms: performance.now() - t });
    return v;
  };
  const version = async () =>
    (await db.query<{ v: string }>("SELECT version::text AS v FROM data_version WHERE id = 1")).rows[0]!.v;
  try {
    const store = new LivePortfolioStore(() => prisma);
    const first = await timed("table: first load (every item)", async () => store.at(await version()));
    // In the app the widgets have built the held table's columns before a write comes; a refresh patches them.
    columnsOf(first);
    const { rows } = await db.query<{ id: number; progress: number | null }>(
      "SELECT id, progress FROM items WHERE level = 'ACTION' AND retired_at IS NULL ORDER BY id DESC LIMIT 1",
    );
    // One item changed through the real write path (new version and its history row, in one transaction).
    await prisma.$transaction((tx) =>
      changeItem(
        tx,
        rows[0]!.id,
        { action: "UPDATE", fields: { progress: ((rows[0]!.progress ?? 0) + 1) % 100 } },
        { actorId: null },
      ),
    );
    const t = await timed("table: refresh, one item changed", async () => store.at(await version()));
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    await timed("headline", () => live.liveHeadline(t, day));
    await timed("pillars", () => live.livePillarProgress(t, day));
    await timed("distributions", () => live.liveDistributions(t));
    await timed("trend (this week's point)", () => live.liveTrendValue(t));
    await timed("attention", () => live.liveAttentionItems(t, day));
    await timed("units", () => live.liveUnitAccountability(t, day, DEFAULT_UNIT_SORT, new Date()));
    await timed("sides and regions", () => live.liveSideAndRegionBreakdown(t, day));
    await timed("conferences", () => live.liveConferenceTimeline(t));
    await timed("item lights", () => live.liveItemLightCounts(t, day, day));
    // The dashboard's other widgets, still SQL after a write (not portfolio roll-ups):
    await timed("SQL: recent updates", () => queryRecentUpdates(prisma, { before: null, day }));
    await timed("SQL: headline indicators", () => queryHeadlineIndicators(prisma, null));
    await timed("SQL: investment totals", () => queryInvestmentTotals(prisma, null, Number(day.slice(0, 4))));
    const period = await currentPeriod(prisma, new Date());
    if (period) {
      await timed("SQL: current period (queryPeriodFulfilment)", () =>
        queryPeriodFulfilment(prisma, period.id, new Date()),
      );
    }
  } finally {
    await prisma.$disconnect();
  }
  return out;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function timedGet(session: HttpSession, path: string): Promise<number> {
  const t = performance.now();
  const res = await session.fetch(path);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${path} → HTTP ${res.status}`);
  return performance.now() - t;
}

export async function runColdAfterWrite(
  baseUrl: string,
  databaseUrl: string,
  log: (l: string) => void,
  rounds = ROUNDS,
): Promise<ColdAfterWrite> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // As in the soak: an accepted update reaches its item at once (no review), so each write changes an item.
    await db.query("UPDATE cycle_settings SET review_required = false");
    const { rows: editors } = await db.query<{ login: string; id: number; code: string }>(`
      SELECT DISTINCT ON (u.login_name) u.login_name AS login, i.id, i.code
      FROM users u JOIN items i ON i.lead_unit_id = u.unit_id
      WHERE u.role = 'EDITOR' AND NOT u.disabled AND i.level = 'ACTION' AND i.retired_at IS NULL
        AND i.status = 'IN_PROGRESS'
      ORDER BY u.login_name, i.id
      LIMIT ${rounds}`);
    if (editors.length === 0) throw new Error("cold-after-write: no editor with an open item");
    const leader = new HttpSession(baseUrl);
    await leader.signIn(ADMIN_LOGIN, BENCH_PASSWORD);
    await timedGet(leader, "/"); // the app is warm; the rounds measure the write's effect only
    const out: ColdAfterWrite = {
      rounds: 0,
      refused: 0,
      dashboardMs: [],
      writeMs: [],
      warmMs: [],
      p50: NaN,
      max: NaN,
      parts: [],
    };
    for (let k = 0; out.rounds < rounds; k++) {
      const target = editors[k % editors.length]!;
      const editor = new HttpSession(baseUrl);
      await editor.signIn(target.login, BENCH_PASSWORD);
      const { rows } = await db.query<{ version: number; progress: number | null }>(
        "SELECT version, progress FROM items WHERE id = $1",
        [target.id],
      );
      const now = rows[0]!;
      const t = performance.now();
      const res = await editor.callAction<{ ok: boolean }>(
        "lib/actions/items.ts",
        "postProgressUpdate",
        [
          null,
          formOf({
            itemId: target.id,
            expectedVersion: now.version,
            status: "IN_PROGRESS",
            progress: Math.min(95, Math.max(5, (now.progress ?? 5) + (k % 2 === 0 ? 7 : -3))),
            confidence: k % 3 === 0 ? "RED" : "GREEN",
            note: `写后首屏测量 ${k}：按计划推进。`,
            nextSteps: "继续推进",
          }),
        ],
        `/items/${target.code}/update`,
      );
      if (res.status !== 200 || !res.value?.ok) {
        // Under load a write can be refused (unavailable: the database was busy); the round is not counted.
        out.refused++;
        log(`  write refused (${res.status} ${JSON.stringify(res.value).slice(0, 120)}); round not counted`);
        if (out.refused > rounds) throw new Error("cold-after-write: too many writes refused");
        continue;
      }
      out.writeMs.push(performance.now() - t);
      const cold = await timedGet(leader, "/");
      out.dashboardMs.push(cold);
      out.warmMs.push(await timedGet(leader, "/"));
      out.rounds++;
      log(`  cold after write #${k + 1}: dashboard ${cold.toFixed(0)} ms (write ${out.writeMs.at(-1)!.toFixed(0)} ms)`);
    }
    out.p50 = pct(out.dashboardMs, 50);
    out.max = Math.max(...out.dashboardMs);
    out.parts = await liveParts(databaseUrl, db).catch((err: unknown) => {
      log(`  live parts not measured: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    });
    for (const p of out.parts) log(`  ${p.name}: ${p.ms.toFixed(1)} ms`);
    return out;
  } finally {
    await db.end();
  }
}

export function renderColdAfterWrite(r: ColdAfterWrite): string {
  const f = (x: number) => x.toFixed(0);
  return [
    "## Cold after a write",
    "",
    `An editor posts a progress update (server action postProgressUpdate over HTTP, review off, so the item changes), then the leader's next dashboard \`/\` is timed (whole streamed body); ${r.rounds} rounds on different items${r.refused ? ` (${r.refused} writes refused under load, not counted)` : ""} (bench/cold-after-write.ts). Target (issue 18): ≤ 300 ms.`,
    "",
    "| first dashboard after a write p50 ms | max ms | each (ms) | second dashboard (warm) p50 ms | write p50 ms |",
    "| --- | --- | --- | --- | --- |",
    `| ${f(r.p50)} | ${f(r.max)} | ${r.dashboardMs.map(f).join(" · ")} | ${f(pct(r.warmMs, 50))} | ${f(pct(r.writeMs, 50))} |`,
    "",
    ...(r.parts.length
      ? [
          "The live widgets' own cost, measured in the bench process (the table of item states, lib/cache/live-portfolio.ts, and each figure from it, lib/queries/live-figures.ts):",
          "",
          "| part | ms |",
          "| --- | --- |",
          ...r.parts.map((p) => `| ${p.name} | ${p.ms.toFixed(1)} |`),
          "",
        ]
      : []),
  ].join("\n");
}

/** Puts the section into RESULTS.md right after the benchmark's part (before the Soak section, which it keeps). */
export function writeColdAfterWriteSection(section: string): void {
  const file = join(import.meta.dirname, "RESULTS.md");
  const old = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmark results\n";
  const i = old.indexOf("## Soak");
  writeFileSync(
    file,
    i >= 0 ? `${old.slice(0, i)}${section.trimEnd()}\n\n${old.slice(i)}` : `${old.trimEnd()}\n\n${section}`,
  );
}

async function main(): Promise<void> {
  const log = (l: string) => console.log(`[cold ${new Date().toISOString().slice(11, 19)}] ${l}`);
  const parts: Partial<Running> = {};
  const stop = cleanup(parts);
  try {
    const { dataset } = await bringUp(parts, log);
    const r = await runColdAfterWrite(parts.app!.baseUrl, dataset.url, log);
    console.log(renderColdAfterWrite(r));
  } finally {
    await stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  });
}
