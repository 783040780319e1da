// EXPLAIN (ANALYZE, BUFFERS) of the dashboard's SQL and the as-of reconstruction at benchmark size. The SQL
// is not copied here: the dashboard's query functions are called with a stand-in client that records the
// Prisma.Sql they build (and answers with no rows), and the recorded text and values are explained with pg.
import pg from "pg";
import { itemStatesSql } from "../lib/queries/as-of";
import { endOfDay } from "../lib/dates";
import * as queries from "../lib/queries/dashboard";
import { Prisma } from "../lib/generated/prisma/client";
import type { Db } from "../lib/prisma-client";
import { DEFAULT_UNIT_SORT } from "../lib/validations/dashboard";
import { recordSql } from "../tests/support/sql-recorder";

export interface ExplainResult {
  name: string;
  moment: "live" | "as of";
  planningMs: number;
  executionMs: number;
  sharedHit: number;
  sharedRead: number;
  tempBlocks: number;
  plan: string;
}

interface Captured {
  name: string;
  sql: Prisma.Sql;
}

/** The SQL a query function sends, each statement named after it (#2, #3… for the second and later). */
async function capture(name: string, call: (d: Db) => Promise<unknown>): Promise<Captured[]> {
  return (await recordSql(call)).map((sql, k) => ({ name: k ? `${name} #${k + 1}` : name, sql }));
}

function yearAgo(): string {
  const d = new Date(Date.now() - 365 * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(d);
}

function today(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

export async function explainAll(url: string, log: (l: string) => void): Promise<ExplainResult[]> {
  const moments = [
    { label: "live" as const, m: { before: null, day: today(), compareBefore: null } },
    { label: "as of" as const, m: { before: endOfDay(yearAgo()), day: yearAgo(), compareBefore: endOfDay(yearAgo()) } },
  ];
  const captured: { moment: "live" | "as of"; c: Captured }[] = [];
  for (const { label, m } of moments) {
    const calls: [string, (d: Db) => Promise<unknown>][] = [
      [
        "itemStatesSql (count)",
        async (d) => d.$queryRaw(Prisma.sql`SELECT count(*) FROM ${itemStatesSql(m.before)} s`),
      ],
    ];
    // Every exported query* function of the dashboard, whatever its current set is.
    for (const [name, fn] of Object.entries(queries)) {
      if (!name.startsWith("query") || typeof fn !== "function") continue;
      const f = fn as (d: Db, m: unknown, extra?: unknown) => Promise<unknown>;
      const selection =
        name === "queryPortfolioChanges"
          ? { before: m.before, compareBefore: new Date((m.before ?? new Date()).getTime() - 30 * 86_400_000) }
          : m;
      calls.push([name, (d) => f(d, selection, DEFAULT_UNIT_SORT)]);
    }
    for (const [name, call] of calls) for (const c of await capture(name, call)) captured.push({ moment: label, c });
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out: ExplainResult[] = [];
  try {
    for (const { moment, c } of captured) {
      try {
        const text = await client.query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${c.sql.text}`,
          c.sql.values,
        );
        const plan = text.rows.map((r) => r["QUERY PLAN"]).join("\n");
        const num = (re: RegExp) => Number(re.exec(plan)?.[1] ?? 0);
        // The first Buffers line belongs to the top node: the whole query's totals.
        const buffers = /Buffers: ([^\n]*)/.exec(plan)?.[1] ?? "";
        const executionMs = num(/Execution Time: ([\d.]+) ms/);
        out.push({
          name: c.name,
          moment,
          planningMs: num(/Planning Time: ([\d.]+) ms/),
          executionMs,
          sharedHit: Number(/shared hit=(\d+)/.exec(buffers)?.[1] ?? 0),
          sharedRead: Number(/shared (?:hit=\d+ )?read=(\d+)/.exec(buffers)?.[1] ?? 0),
          tempBlocks:
            Number(/temp read=(\d+)/.exec(buffers)?.[1] ?? 0) +
            Number(/temp (?:read=\d+ )?written=(\d+)/.exec(buffers)?.[1] ?? 0),
          plan,
        });
        log(`  EXPLAIN ${c.name} (${moment}): ${executionMs.toFixed(1)} ms`);
      } catch (err) {
        log(`  EXPLAIN ${c.name} (${moment}) failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    await client.end();
  }
  return out;
}
