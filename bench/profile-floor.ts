// Where a trivial page's time goes (issue 18's "per-request floor"): the production app on the sample portfolio,
// a V8 CPU profile of the app's process taken only while a few hundred requests of one page run (the profiler is
// toggled inside the process by bench/profile-hook.mjs), summarised as CPU ms per request and the top entries by
// self time, by total time (function and file) and by package.
//
//   BENCH_PG_PORT=… BENCH_APP_PORT=… node --import tsx bench/profile-floor.ts [--requests 400] [--top 20] [path…]
//
// Default paths: the minimal dynamic page (/api/floor), the sign-in page signed out (/login) and a trivial
// signed-in page (the leader's e-mail settings, /account/notifications: the root layout, one small read).
// The .cpuprofile files stay in .data/bench/profiles for Chrome DevTools or speedscope.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { SourceMap } from "node:module";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { SAMPLE_PASSWORD } from "../prisma/seed/sample/accounts";
import { HttpSession } from "../tests/support/http-client";
import { root, startApp } from "./app";
import { holdCurrentBuild } from "./lifecycle";
import { BENCH_APP_PORT, startBenchServer } from "./pg";
import { prepareSampleDatabase, SAMPLE_LEADER } from "./sample-portfolio";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const log = (l: string) => console.log(`[profile ${new Date().toISOString().slice(11, 19)}] ${l}`);
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

/** A short, stable name for where a function lives: the package, or the file under the app or Node. */
export function placeOf(path: string): string {
  if (!path) return "(native/VM)";
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = path.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    // Next's own compiled copies (react-dom, the app renderer…) are the framework's work: say which.
    if (pkg === "next") return `next/${rest.slice(1, 4).join("/")}`;
    return pkg;
  }
  if (path.startsWith("node:")) return path;
  return path.startsWith(root) ? path.slice(root.length + 1) : path;
}

const maps = new Map<string, SourceMap | null>();

/** The build's server chunks are minified: name and place a frame from the chunk's source map when it has one. */
function mapFrame(f: CallFrame): { name: string; path: string; line: number } {
  const name = f.functionName || "(anonymous)";
  if (!f.url.startsWith("file://")) return { name, path: f.url, line: f.lineNumber + 1 };
  const file = fileURLToPath(f.url);
  if (!maps.has(file)) {
    try {
      maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")) as never));
    } catch {
      maps.set(file, null);
    }
  }
  const entry = maps.get(file)?.findEntry(f.lineNumber, f.columnNumber) as
    { originalSource?: string; originalLine?: number; name?: string } | undefined;
  if (!entry?.originalSource) return { name, path: file, line: f.lineNumber + 1 };
  const source = entry.originalSource.replace(/^turbopack:\/\/\/(\[project\]\/)?/, "");
  const path = source.startsWith("/") ? source : normalize(join(dirname(file), source));
  return { name: entry.name ?? name, path, line: (entry.originalLine ?? 0) + 1 };
}

const keys = new Map<CallFrame, { key: string; place: string }>();
function frameKey(f: CallFrame): { key: string; place: string } {
  let k = keys.get(f);
  if (!k) {
    const m = mapFrame(f);
    const place = placeOf(m.path);
    k = { key: `${m.name} ${place}${m.path ? `:${m.line}` : ""}`, place };
    keys.set(f, k);
  }
  return k;
}

const IDLE = new Set(["(idle)"]);
/** Where every asynchronous continuation starts: on every stack, so they say nothing in the total-time ranking. */
const PLUMBING =
  /^((runMicrotasks|run) \(native\/VM\)|(processTicksAndRejections|runNextTicks|runMicrotask|processImmediate|listOnTimeout|processTimers|callbackTrampoline|runInAsyncScope|emit|emitHook|invokePromiseCallback|\(anonymous\)) node:)/;

export interface Summary {
  cpuMs: number;
  wallMs: number;
  self: [string, number][];
  total: [string, number][];
  byPlace: [string, number][];
  selfPlace: [string, number][];
}

/** Self and total (inclusive, each function counted once per sample however deep it recurses) time in ms. */
export function summarise(p: CpuProfile): Summary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const byPlace = new Map<string, number>();
  const selfPlace = new Map<string, number>();
  let cpu = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (let i = 0; i < p.samples.length; i++) {
    // A sample's weight: the time until the next sample (the last one gets the profile's end).
    const next = i + 1 < p.timeDeltas.length ? p.timeDeltas[i + 1]! : 0;
    const ms = Math.max(0, next) / 1000;
    const leaf = byId.get(p.samples[i]!)!;
    if (IDLE.has(leaf.callFrame.functionName)) continue;
    cpu += ms;
    const leafKey = frameKey(leaf.callFrame);
    add(self, leafKey.key, ms);
    add(selfPlace, leafKey.place, ms);
    const seen = new Set<string>();
    const places = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      if (f.functionName === "(root)") continue;
      const { key: k, place } = frameKey(f);
      if (!seen.has(k) && !PLUMBING.test(k)) {
        seen.add(k);
        add(total, k, ms);
      }
      if (f.url && !places.has(place) && !place.startsWith("node:")) {
        places.add(place);
        add(byPlace, place, ms);
      }
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    cpuMs: cpu,
    wallMs: (p.endTime - p.startTime) / 1000,
    self: sorted(self),
    total: sorted(total),
    byPlace: sorted(byPlace),
    selfPlace: sorted(selfPlace),
  };
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (e, r) => (e ? reject(e) : resolve(r))));
}

/** CPU time (user + system) the process has used so far, in ms, from /proc (clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function waitFor(file: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`${file} did not appear: is bench/profile-hook.mjs loaded?`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function table(head: string[], rows: (string | number)[][]): string {
  const line = (c: (string | number)[]) => `| ${c.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

async function main(): Promise<void> {
  const requests = arg("requests", 400);
  const top = arg("top", 20);
  const given = process.argv.slice(2).filter((a, i, all) => a.startsWith("/") && !all[i - 1]?.startsWith("--"));
  const paths = given.length ? given : ["/api/floor", "/login", "/account/notifications"];
  const dir = join(root, ".data", "bench", "profiles");
  mkdirSync(dir, { recursive: true });
  const out = join(dir, "floor.cpuprofile");
  const { lock } = await holdCurrentBuild(log);
  const server = await startBenchServer();
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    const data = await prepareSampleDatabase(server, log);
    process.env.NODE_OPTIONS = [
      process.env.NODE_OPTIONS,
      `--import=${pathToFileURL(join(root, "bench", "profile-hook.mjs")).href}`,
    ]
      .filter(Boolean)
      .join(" ");
    process.env.PROFILE_FLOOR_OUT = out;
    app = await startApp(data.url, BENCH_APP_PORT, log);
    const session = new HttpSession(app.baseUrl);
    await session.signIn(SAMPLE_LEADER, SAMPLE_PASSWORD);
    const signedIn = session.cookieHeader();
    console.log(
      `\nload average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(" / ")}; ${requests} requests per path, 4 connections\n`,
    );
    for (const path of paths) {
      // The sign-in page is what a signed-out visitor sees; every other path is asked for as the leader.
      const cookie = path === "/login" ? "" : signedIn;
      const res = await fetch(new URL(path, app.baseUrl), { headers: { cookie }, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      const common = { url: new URL(path, app.baseUrl).toString(), headers: { cookie }, connections: 4 };
      await run({ ...common, amount: 200 }); // warm: JIT, caches, connection pool
      rmSync(out, { force: true });
      rmSync(`${out}.started`, { force: true });
      process.kill(app.pid, "SIGUSR2");
      await waitFor(`${out}.started`);
      const cpuBefore = processCpuMs(app.pid);
      const r = await run({ ...common, amount: requests });
      const cpuUsed = processCpuMs(app.pid) - cpuBefore;
      process.kill(app.pid, "SIGUSR2");
      await waitFor(out);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the file is written in one call; let it close
      const profile = JSON.parse(readFileSync(out, "utf8")) as CpuProfile;
      const kept = join(dir, `${path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "root"}.cpuprofile`);
      renameSync(out, kept);
      const s = summarise(profile);
      const n = r.requests.total;
      // The profiler samples wall time: on a busy machine a descheduled thread still "spends" samples. The
      // kernel's count of the process's CPU time is the true cost; the profile only says how it divides.
      const scale = s.cpuMs > 0 ? cpuUsed / s.cpuMs : 0;
      const perReq = (ms: number) => ((ms * scale) / n).toFixed(2);
      const pct = (ms: number) => `${((ms / s.cpuMs) * 100).toFixed(1)} %`;
      const rows = (list: [string, number][], code: boolean) =>
        list.slice(0, top).map(([k, v]) => [code ? `\`${k}\`` : k, perReq(v), pct(v)]);
      console.log(`### ${path} ${cookie ? "(signed in as the leader)" : "(signed out)"}\n`);
      console.log(
        `${n} requests (non-2xx ${r.non2xx}, errors ${r.errors}), 4 connections, p50 ${r.latency.p50} ms: ` +
          `**${(cpuUsed / n).toFixed(2)} ms of CPU per request** (the app process's user + system time from /proc; ` +
          `the profile's busy samples add up to ${(s.cpuMs / n).toFixed(2)} ms of wall time per request). ` +
          `Profile: .data/bench/profiles/${kept.split("/").pop()!}.\n`,
      );
      console.log("Self time by package or source file (ms of CPU per request, share of the profile):\n");
      console.log(table(["where", "ms/req", "share"], rows(s.selfPlace, false)));
      console.log("\nTotal time by package or source file (a sample counts once for each place on its stack):\n");
      console.log(table(["where", "ms/req", "share"], rows(s.byPlace, false)));
      console.log("\nTop functions by self time:\n");
      console.log(table(["function · file:line", "ms/req", "share"], rows(s.self, true)));
      console.log("\nTop functions by total time (without the event loop's own frames):\n");
      console.log(table(["function · file:line", "ms/req", "share"], rows(s.total, true)));
      console.log("");
    }
  } finally {
    await app?.stop().catch(() => undefined);
    await server.stop().catch(() => undefined);
    lock.release();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  });
}
