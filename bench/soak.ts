// `npm run bench:soak` (or `npm run bench -- --soak` after the bench): a bounded mixed load for SOAK_MINUTES
// (default 10) on the large portfolio, after the readers have opened each of their pages once (so the caches
// hold the working set from the start) — readers (dashboard live, its other views and as of, lists, item and pillar pages),
// editors (postProgressUpdate and updateItem over HTTP on items of their own unit, two sessions per account
// so they collide; a conflict answer re-reads the version and is not an error), and exports (XLSX, CSV, PDF and
// DOCX of everything, in turn). SOAK_NO_EXPORTS=1 leaves the exporter out, to tell the exports' share of a result.
// Pass: zero errors (5xx, network errors, timeouts, unexpected answers), no leak — the heap after a full
// collection (/api/metrics' tracker_heap_after_full_gc_bytes) grows ≤ 10 % from the minute at half time to the
// last minute — and every accepted progress update is in the database exactly once. Server RSS is reported too,
// with its own growth, but does not decide: most of it is garbage V8 has not collected yet, and how much it lets
// pile up moves with the load, not with what the server keeps. Writes the Soak section of RESULTS.md.
import { pathToFileURL } from "node:url";
import pg from "pg";
import { formOf, HttpSession } from "../tests/support/http-client";
import { treeRssMb, type App } from "./app";
import { ADMIN_LOGIN, BENCH_PASSWORD, viewerLogin } from "./generate";
import { bringUp, chinaDay, cleanup, type Running } from "./lifecycle";
import { writeSoakSection } from "./results";
import { serverSample } from "./server-sample";

const READERS = 4;
const EDITOR_ACCOUNTS = 3;
const SESSIONS_PER_EDITOR = 2;
const ITEMS_PER_EDITOR = 4; // few, so the two sessions of an account collide now and then
const EXPORT_FORMATS = ["xlsx", "csv", "pdf", "docx"] as const; // every file format of the report of everything
/** The dashboard's views besides the overview (app/page.tsx): a reader opens one of them after every overview. */
const OTHER_VIEWS = ["/?view=units", "/?view=regions", "/?view=activity"];
const EXPORT_PAUSE_MS = 5_000; // an exporter downloads, reads, downloads again: not a tight loop
const REQUEST_TIMEOUT_MS = 60_000;
const EXPORTS = process.env.SOAK_NO_EXPORTS !== "1";
const HEAP_SAMPLE_MS = 5_000;
const HEAP_GROWTH_LIMIT = 10; // %

interface Stats {
  latencies: Map<string, number[]>;
  errors: Map<string, number>;
  errorSamples: string[];
  accepted: { update: number; edit: number };
  conflicts: number;
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

function record(stats: Stats, kind: string, ms: number): void {
  const list = stats.latencies.get(kind) ?? [];
  list.push(ms);
  stats.latencies.set(kind, list);
}

function fail(stats: Stats, kind: string, detail: string): void {
  stats.errors.set(kind, (stats.errors.get(kind) ?? 0) + 1);
  if (stats.errorSamples.length < 10) stats.errorSamples.push(`${kind}: ${detail.slice(0, 200)}`);
}

async function timed(stats: Stats, kind: string, session: HttpSession, path: string): Promise<void> {
  const t = performance.now();
  try {
    const res = await session.fetch(path, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await res.arrayBuffer();
    if (res.status !== 200) fail(stats, kind, `${path} → HTTP ${res.status} ${res.headers.get("location") ?? ""}`);
    else record(stats, kind, performance.now() - t);
  } catch (err) {
    fail(stats, kind, `${path} → ${err instanceof Error ? err.message : String(err)}`);
  }
}

interface EditorItem {
  id: number;
  code: string;
}

async function editorsAndItems(db: pg.Client): Promise<{ login: string; items: EditorItem[] }[]> {
  const { rows } = await db.query<{ login: string; ids: number[]; codes: string[] }>(`
    SELECT u.login_name AS login, (array_agg(i.id ORDER BY i.id))[1:${ITEMS_PER_EDITOR}] AS ids,
           (array_agg(i.code ORDER BY i.id))[1:${ITEMS_PER_EDITOR}] AS codes
    FROM users u JOIN items i ON i.lead_unit_id = u.unit_id
    WHERE u.role = 'EDITOR' AND NOT u.disabled AND i.level = 'ACTION' AND i.retired_at IS NULL AND i.status = 'IN_PROGRESS'
    GROUP BY u.login_name HAVING count(*) >= ${ITEMS_PER_EDITOR}
    ORDER BY u.login_name LIMIT ${EDITOR_ACCOUNTS}`);
  return rows.map((r) => ({ login: r.login, items: r.ids.map((id, k) => ({ id, code: r.codes[k]! })) }));
}

interface ItemNow {
  version: number;
  progress: number | null;
  start: string | null;
  due: string | null;
  weight: number;
  regions: number[];
  conferences: number[];
}

async function readItem(db: pg.Pool, id: number): Promise<ItemNow> {
  const { rows } = await db.query<ItemNow>(
    `SELECT version, progress, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(due_date, 'YYYY-MM-DD') AS due, weight,
            ARRAY(SELECT region_id FROM item_regions WHERE item_id = i.id) AS regions,
            ARRAY(SELECT conference_id FROM item_conferences WHERE item_id = i.id) AS conferences
     FROM items i WHERE id = $1`,
    [id],
  );
  return rows[0]!;
}

type Answer = { ok: boolean; code?: string; data?: { version: number } };

async function editorLoop(
  stats: Stats,
  session: HttpSession,
  items: EditorItem[],
  db: pg.Pool,
  until: number,
  n: number,
): Promise<void> {
  let turn = n;
  while (Date.now() < until) {
    const item = items[turn % items.length]!;
    const edit = turn % 3 === 2; // two progress updates for every edit
    turn++;
    const now = await readItem(db, item.id);
    const kind = edit ? "edit (updateItem)" : "progress update";
    const fields = edit
      ? {
          itemId: item.id,
          expectedVersion: now.version,
          responsiblePerson: `压测负责人${turn}`,
          startDate: now.start ?? "",
          dueDate: now.due ?? "",
          weight: now.weight,
          regionIds: now.regions.map(String),
          conferenceIds: now.conferences.map(String),
        }
      : {
          itemId: item.id,
          expectedVersion: now.version,
          status: "IN_PROGRESS",
          progress: Math.min(95, Math.max(5, (now.progress ?? 5) + (turn % 2))),
          confidence: "GREEN",
          note: `压测进展 ${turn}：按计划推进。`,
          nextSteps: "继续推进",
        };
    const t = performance.now();
    try {
      const res = await session.callAction<Answer>(
        "lib/actions/items.ts",
        edit ? "updateItem" : "postProgressUpdate",
        [null, formOf(fields)],
        `/items/${item.code}/${edit ? "edit" : "update"}`,
      );
      const v = res.value;
      if (res.status !== 200 || !v) fail(stats, kind, `HTTP ${res.status} ${(res.text ?? "").slice(0, 120)}`);
      else if (v.ok) {
        record(stats, kind, performance.now() - t);
        if (edit) stats.accepted.edit++;
        else stats.accepted.update++;
      } else if (v.code === "conflict") {
        record(stats, kind, performance.now() - t);
        stats.conflicts++; // the next turn re-reads the version
      } else fail(stats, kind, `refused: ${JSON.stringify(v).slice(0, 160)}`);
    } catch (err) {
      fail(stats, kind, err instanceof Error ? err.message : String(err));
    }
  }
}

export interface SoakOptions {
  app: App;
  databaseUrl: string;
  log: (l: string) => void;
  minutes?: number;
}

export interface SoakReport {
  minutes: number;
  ok: boolean;
  section: string;
}

export async function runSoak({
  app,
  databaseUrl,
  log,
  minutes = Number(process.env.SOAK_MINUTES ?? 10),
}: SoakOptions): Promise<SoakReport> {
  const stats: Stats = {
    latencies: new Map(),
    errors: new Map(),
    errorSamples: [],
    accepted: { update: 0, edit: 0 },
    conflicts: 0,
  };
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    // The soak measures load, not review: with the reporting cycle's review turned off in the bench's own
    // database, every accepted update reaches its item at once, which the soak checks at the end.
    await admin.query("UPDATE cycle_settings SET review_required = false");
    const editors = await editorsAndItems(admin);
    const { rows: codes } = await admin.query<{ code: string }>(
      "SELECT code FROM items WHERE level = 'ACTION' AND retired_at IS NULL ORDER BY random() LIMIT 200",
    );
    const { rows: before } = await admin.query<{ pu: number; h: number; at: Date }>(
      "SELECT (SELECT count(*) FROM progress_updates)::int AS pu, (SELECT count(*) FROM item_history)::int AS h, now() AS at",
    );

    const sign = async (login: string) => {
      const s = new HttpSession(app.baseUrl);
      await s.signIn(login, BENCH_PASSWORD);
      return s;
    };
    const readers = await Promise.all(Array.from({ length: READERS }, (_, k) => sign(viewerLogin(k + 1))));
    const editorSessions = await Promise.all(
      editors.flatMap((e) =>
        Array.from({ length: SESSIONS_PER_EDITOR }, async () => ({ s: await sign(e.login), items: e.items })),
      ),
    );
    const exporter = await sign(ADMIN_LOGIN);

    const durationMs = minutes * 60_000;
    const warmupMs = Math.min(120_000, Math.max(20_000, durationMs * 0.15));
    // Every page the readers will open, once, before the clock starts: the caches (an entry per item page among
    // others) then hold the soak's whole working set from the first minute, so the heap after a full collection
    // rising later says a leak, not a cache still filling (a run without this rose for 7 minutes, 2026-12-07).
    const pages = [
      "/",
      ...OTHER_VIEWS,
      `/?asOf=${chinaDay(-365)}`,
      ...codes.map((c) => `/items/${c.code}`),
      ...[1, 2, 3, 4, 5].flatMap((p) => [`/pillars/${p}`, `/items?pillar=${p}&status=IN_PROGRESS`]),
    ];
    const fillStarted = Date.now();
    await Promise.all(
      readers.map(async (s, k) => {
        for (let i = k; i < pages.length; i += readers.length) await timed(stats, "fill", s, pages[i]!);
      }),
    );
    stats.latencies.delete("fill"); // not part of the soak's figures; an error in it still counts
    log(`filled the caches: ${pages.length} pages in ${((Date.now() - fillStarted) / 1000).toFixed(0)} s`);
    const began = Date.now();
    const until = began + durationMs;
    log(
      `soak: ${minutes} min, ${READERS} readers, ${editorSessions.length} editor sessions (${editors.length} accounts), ${EXPORTS ? 1 : 0} exporter; warm-up ${Math.round(warmupMs / 1000)} s`,
    );

    const mem: { t: number; mb: number }[] = [];
    const sampler = setInterval(() => mem.push({ t: Date.now() - began, mb: treeRssMb(app.pid) }), 1000);
    // The heap after the last full collection changes only when one happens (every few seconds under this load).
    // Its event-loop delay says whether the server's own thread was busy (a long synchronous step stalls every
    // request at once) or requests waited elsewhere (the database, the document worker, the machine's 2 cores).
    const heap: { t: number; mb: number }[] = [];
    const lags: number[] = [];
    const waiting: number[] = [];
    const serverSampler = setInterval(() => {
      const t = Date.now() - began;
      serverSample(app).then(
        (x) => {
          if (x.heapMb !== null) heap.push({ t, mb: x.heapMb });
          if (t > warmupMs) {
            lags.push(x.lagMaxMs);
            waiting.push(x.poolWaiting);
          }
        },
        (err: unknown) => fail(stats, "metrics", err instanceof Error ? err.message : String(err)),
      );
    }, HEAP_SAMPLE_MS);
    const yearAgo = chinaDay(-365);
    const readerLoop = async (s: HttpSession, k: number) => {
      let i = k;
      while (Date.now() < until) {
        const code = codes[(i * 7) % codes.length]!.code;
        const pillar = (i % 5) + 1;
        const step = i % 6;
        const view = OTHER_VIEWS[Math.floor(i / 6) % OTHER_VIEWS.length]!;
        i++;
        if (step === 0) await timed(stats, "dashboard", s, "/");
        else if (step === 5) await timed(stats, "dashboard, other views", s, view);
        else if (step === 1) await timed(stats, "items list", s, `/items?pillar=${pillar}&status=IN_PROGRESS`);
        else if (step === 2) await timed(stats, "item page", s, `/items/${code}`);
        else if (step === 3) await timed(stats, "dashboard as of", s, `/?asOf=${yearAgo}`);
        else await timed(stats, "pillar page", s, `/pillars/${pillar}`);
      }
    };
    const exportLoop = async () => {
      let i = 0;
      while (EXPORTS && Date.now() < until) {
        const format = EXPORT_FORMATS[i++ % EXPORT_FORMATS.length]!;
        await timed(stats, `export ${format.toUpperCase()}`, exporter, `/api/reports?scope=all&format=${format}`);
        if (Date.now() + EXPORT_PAUSE_MS < until) await new Promise((r) => setTimeout(r, EXPORT_PAUSE_MS));
      }
    };
    const progress = setInterval(() => {
      const done = [...stats.latencies.values()].reduce((s, l) => s + l.length, 0);
      const errs = [...stats.errors.values()].reduce((s, n) => s + n, 0);
      log(
        `  soak ${Math.round((Date.now() - began) / 1000)} s: ${done} answers, ${errs} errors, RSS ${mem.at(-1)?.mb.toFixed(0) ?? "?"} MB, heap after full GC ${heap.at(-1)?.mb.toFixed(0) ?? "?"} MB`,
      );
    }, 60_000);
    await Promise.all([
      ...readers.map((s, k) => readerLoop(s, k)),
      ...editorSessions.map((e, k) => editorLoop(stats, e.s, e.items, db, until, k)),
      exportLoop(),
    ]);
    clearInterval(progress);
    clearInterval(sampler);
    clearInterval(serverSampler);

    // Every accepted progress update is in the database exactly once (a refused one left nothing).
    const { rows: after } = await admin.query<{ pu: number }>(
      "SELECT count(*)::int AS pu FROM progress_updates WHERE created_at >= $1",
      [before[0]!.at],
    );
    const stored = after[0]!.pu;
    // RSS swings by ±150 MB within seconds as exports come and go, so one sample against another measures the
    // swing, not growth: medians of whole minutes are compared. The caches are bounded (aggregates 400 entries,
    // rendered pages 64 MB, report files 12, one row per item in the live table); without the fill above this
    // load took 5–7 minutes to fill them, the heap after a full collection rising by 120–270 MB meanwhile
    // (2026-12-07). A leak keeps rising after that, so the check compares the minute at half time with the last
    // minute; the minute after warm-up is shown as well.
    const window = (series: { t: number; mb: number }[], from: number, to: number) =>
      pct(
        series.filter((m) => m.t >= from && m.t < to).map((m) => m.mb),
        50,
      );
    const halfMs = Math.max(warmupMs, durationMs / 2 - 30_000);
    const growthOf = (series: { t: number; mb: number }[]) => {
      const warm = window(series, warmupMs, warmupMs + 60_000);
      const half = window(series, halfMs, halfMs + 60_000);
      const end = window(series, durationMs - 60_000, Number.POSITIVE_INFINITY);
      const perMinute = Array.from({ length: Math.ceil(durationMs / 60_000) }, (_, k) =>
        window(series, k * 60_000, (k + 1) * 60_000).toFixed(0),
      );
      return { warm, half, end, growth: (end / half - 1) * 100, perMinute };
    };
    const rss = growthOf(mem);
    const live = growthOf(heap);
    const maxMb = Math.max(...mem.map((m) => m.mb));
    const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(1)} %`;
    const errors = [...stats.errors.values()].reduce((s, n) => s + n, 0);
    // NaN (no full collection in a window) is not a pass.
    const noLeak = live.growth <= HEAP_GROWTH_LIMIT;
    const ok = errors === 0 && noLeak && stored === stats.accepted.update;

    const kinds = [...new Set([...stats.latencies.keys(), ...stats.errors.keys()])].sort();
    const rows = kinds.map((k) => {
      const l = stats.latencies.get(k) ?? [];
      return `| ${k} | ${l.length} | ${stats.errors.get(k) ?? 0} | ${pct(l, 50).toFixed(0)} | ${pct(l, 99).toFixed(0)} |`;
    });
    const section = [
      "## Soak",
      "",
      `Written by \`npm run bench:soak\` (bench/soak.ts) on ${new Date().toISOString()}: ${minutes} min of mixed load on the same large portfolio — ` +
        `${READERS} readers (viewer accounts: dashboard live, its other views in turn and as of ${yearAgo}, filtered lists, item and pillar pages), ` +
        `${editorSessions.length} editor sessions (${editors.length} editor accounts × ${SESSIONS_PER_EDITOR}, ${ITEMS_PER_EDITOR} items of their own unit each: postProgressUpdate and updateItem over HTTP; a conflict answer re-reads the version), ` +
        (EXPORTS
          ? `1 exporter (${EXPORT_FORMATS.map((f) => f.toUpperCase()).join(", ")} of all items in turn, ${EXPORT_PAUSE_MS / 1000} s apart).`
          : "no exporter (SOAK_NO_EXPORTS=1).") +
        ` Result: **${ok ? "pass" : "FAIL"}**.`,
      "",
      "| kind | answers | errors | p50 ms | p99 ms |",
      "| --- | --- | --- | --- | --- |",
      ...rows,
      "",
      "| check | value | target | result |",
      "| --- | --- | --- | --- |",
      `| errors (5xx, network, timeouts > ${REQUEST_TIMEOUT_MS / 1000} s, unexpected answers) | ${errors} | 0 | ${errors === 0 ? "pass" : "**miss**"} |`,
      `| no leak: heap after a full collection, median of the minute from ${Math.round(halfMs / 1000)} s → median of the last minute (after warm-up at ${Math.round(warmupMs / 1000)} s: ${live.warm.toFixed(0)} MB) | ${live.half.toFixed(0)} MB → ${live.end.toFixed(0)} MB (${signed(live.growth)}) | ≤ +${HEAP_GROWTH_LIMIT} % | ${noLeak ? "pass" : "**miss**"} |`,
      `| server RSS, the same minutes (garbage included) | ${rss.half.toFixed(0)} MB → ${rss.end.toFixed(0)} MB (${signed(rss.growth)}), max ${maxMb.toFixed(0)} MB | – | – |`,
      `| accepted progress updates = rows stored | ${stats.accepted.update} accepted, ${stored} stored | equal | ${stored === stats.accepted.update ? "pass" : "**miss**"} |`,
      `| accepted edits / conflict answers | ${stats.accepted.edit} / ${stats.conflicts} | – | – |`,
      "",
      `Longest event-loop delay in each ${HEAP_SAMPLE_MS / 1000} s after warm-up (${lags.length} windows): median ${pct(lags, 50).toFixed(0)} ms, p90 ${pct(lags, 90).toFixed(0)} ms, max ${Math.max(...lags).toFixed(0)} ms; over 1 s in ${lags.filter((l) => l > 1000).length}.`,
      "",
      `Requests waiting for a database connection of the app's pool, in the same ${waiting.length} reads: median ${pct(waiting, 50)}, p90 ${pct(waiting, 90)}, max ${Math.max(...waiting)}; none waiting in ${waiting.filter((w) => w === 0).length}.`,
      "",
      `Heap after a full collection by minute (median of ${HEAP_SAMPLE_MS / 1000} s samples, MB): ${live.perMinute.join(" · ")}`,
      "",
      `Server RSS by minute (median of 1 s samples, MB): ${rss.perMinute.join(" · ")}`,
      "",
      ...(stats.errorSamples.length ? ["First errors:", "", ...stats.errorSamples.map((e) => `- ${e}`), ""] : []),
    ].join("\n");
    writeSoakSection(section);
    log(
      `soak ${ok ? "passed" : "FAILED"}: ${errors} errors, heap after full GC ${live.half.toFixed(0)} → ${live.end.toFixed(0)} MB (${signed(live.growth)}), RSS ${rss.half.toFixed(0)} → ${rss.end.toFixed(0)} MB (${signed(rss.growth)}), ${stats.accepted.update} updates + ${stats.accepted.edit} edits accepted, ${stats.conflicts} conflicts`,
    );
    return { minutes, ok, section };
  } finally {
    await admin.end();
    await db.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const log = (l: string) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${l}`);
  const parts: Partial<Running> = {};
  const stop = cleanup(parts);
  const onSignal = () => void stop().then(() => process.exit(130));
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  bringUp(parts, log)
    .then(({ dataset }) => runSoak({ app: parts.app!, databaseUrl: dataset.url, log }))
    .then(async (r) => {
      await stop();
      process.exit(r.ok ? 0 : 1);
    })
    .catch(async (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      await stop();
      process.exit(1);
    });
}
