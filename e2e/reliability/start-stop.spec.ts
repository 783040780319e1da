// A stop at any moment of a start (issue 13): `npm start` is sent SIGTERM or SIGINT — to its whole process
// group, as a terminal's Ctrl-C or a service manager does — at a random moment between its first second and
// its first minute: while the embedded PostgreSQL starts and migrates a fresh data folder, while it seeds,
// while it builds, while Next loads, and just after it serves (idle, or under load). Within 15 s nothing of
// it may be left: no process of its group, its port free, its PostgreSQL stopped. Then `npm start` on the
// same data folder and port must serve, and stop cleanly.
//
// `npm test` runs START_STOP_ROUNDS rounds (5: one per phase); the acceptance run is START_STOP_ROUNDS=20.
// Moments come from a seeded generator: every round prints its seed, phase, signal and moment, and
// START_STOP_SEED=<seed> START_STOP_ONLY=<round> runs that round again with the same choices.
// Ports 39250–39259 belong to this spec.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "../fixtures";
import {
  NpmStart,
  groupMembers,
  portFree,
  portOpen,
  postmasterPid,
  processAlive,
  projectCopy,
  root,
} from "./support/start-stop";
import { until } from "./support/faults-app";
import { mulberry32 as seededRandom } from "../../prisma/seed/sample/random";

const ROUNDS = Number(process.env.START_STOP_ROUNDS ?? 5);
const SEED = Number(process.env.START_STOP_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ONLY = process.env.START_STOP_ONLY ? Number(process.env.START_STOP_ONLY) : null;
const PORT = 39250;
const PG_PORT = 39251;
const TEMPLATE_PORTS = [39252, 39253] as const;
const CLEANUP_MS = 15_000;

/**
 * Where the signal is aimed: the event waited for (a line of the output, or the first page answered), and
 * the longest random delay after it. `fresh` rounds start on an empty data folder (initdb, migrations, the
 * seed); the others on a copy of a seeded one. `build` rounds run in a copy of the project without a build.
 */
interface Aim {
  name: string;
  fresh: boolean;
  build: boolean;
  after: "spawn" | "migrations applied" | "building the app" | "Running next.config" | "first page";
  maxDelayMs: number;
  load: boolean;
}

const AIMS: Aim[] = [
  { name: "database start and migrations", fresh: true, build: false, after: "spawn", maxDelayMs: 5000, load: false },
  { name: "seeding", fresh: true, build: false, after: "migrations applied", maxDelayMs: 10_000, load: false },
  { name: "build", fresh: false, build: true, after: "building the app", maxDelayMs: 30_000, load: false },
  { name: "Next loading", fresh: false, build: false, after: "Running next.config", maxDelayMs: 2000, load: false },
  { name: "serving, under load", fresh: false, build: false, after: "first page", maxDelayMs: 1500, load: true },
  { name: "serving", fresh: false, build: false, after: "first page", maxDelayMs: 1000, load: false },
];

interface Round {
  index: number;
  aim: Aim;
  signal: NodeJS.Signals;
  delayMs: number;
}

function roundOf(index: number): Round {
  const random = seededRandom(SEED * 1000 + index);
  const aim = AIMS[index % AIMS.length]!;
  return { index, aim, signal: index % 2 === 0 ? "SIGTERM" : "SIGINT", delayMs: Math.round(random() * aim.maxDelayMs) };
}

/**
 * What the start was doing when the signal was sent: the build while a `next build` process runs in the group,
 * else the latest step its output shows (and whether its database answered yet).
 */
function phaseOf(output: string, databaseUp: boolean, building: boolean): string {
  if (building) return "build";
  const marks: [string, number][] = [
    ["database start", output.lastIndexOf("starting the embedded PostgreSQL")],
    ["seeding", Math.max(output.lastIndexOf("• migrations applied"), output.lastIndexOf("• document"))],
    ["build", output.lastIndexOf("building the app")],
    ["Next loading", output.lastIndexOf("Running next.config")],
    ["serving", output.lastIndexOf("is running at")],
  ];
  const [latest, at] = marks.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (at < 0) return "loading the start script";
  return latest === "database start" && databaseUp ? "migrations" : latest;
}

let workDir = "";
let template = "";
const running = new Set<NpmStart>();

test.describe.configure({ mode: "default", timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  console.log(`[start-stop] seed ${SEED}, ${ROUNDS} rounds (START_STOP_SEED=${SEED} reproduces the moments)`);
  workDir = mkdtempSync(join(tmpdir(), "tracker-start-stop-"));
  // A seeded data folder for the rounds that do not need a fresh one; its clean stop is checked like a round's.
  // Data folders sit directly in the work folder, which the embedded PostgreSQL makes reachable for its
  // `postgres` user (as root); one level deeper it would keep them under /var/tmp instead.
  template = join(workDir, "template-pg");
  const first = track(new NpmStart(root, template, ...TEMPLATE_PORTS));
  await first.printed("is running at");
  first.signalGroup("SIGTERM");
  await nothingLeft(first, TEMPLATE_PORTS[0], TEMPLATE_PORTS[1], null);
});

test.afterEach(async ({}, testInfo) => {
  for (const start of [...running]) {
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach(`npm start output (port ${start.port})`, {
        body: start.timeline(),
        contentType: "text/plain",
      });
    start.killEverything();
    running.delete(start);
  }
});

test.afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function track(start: NpmStart): NpmStart {
  running.add(start);
  void new Promise((resolve) => start.child.once("exit", resolve)).then(() => {
    if (!groupMembers(start.pgid).length) running.delete(start);
  });
  return start;
}

/**
 * Waits until nothing of `start` is left: no process of its group, its port free, its postmaster (`postmaster`
 * or the one its data folder names) exited and PostgreSQL's port free. Returns how long that took.
 */
async function nothingLeft(start: NpmStart, port: number, pgPort: number, postmaster: number | null): Promise<number> {
  const since = Date.now();
  const pid = () => postmaster ?? postmasterPid(start.dataDir);
  const left = async () => {
    const found: string[] = groupMembers(start.pgid).map((p) => `process ${p.pid} of the group: ${p.args}`);
    const pm = pid();
    if (pm && processAlive(pm)) found.push(`postmaster ${pm}`);
    if (!(await portFree(port))) found.push(`port ${port} still taken`);
    if (!(await portFree(pgPort))) found.push(`PostgreSQL's port ${pgPort} still taken`);
    return found;
  };
  try {
    await until(async () => (await left()).length === 0, "nothing of npm start to be left", CLEANUP_MS, 100);
  } catch {
    throw new Error(
      `${CLEANUP_MS / 1000} s after the signal, still there:\n  ${(await left()).join("\n  ")}\n${start.timeline()}`,
    );
  }
  running.delete(start);
  return Date.now() - since;
}

/** Requests in a loop until stopped (they fail once the server is gone; that is expected). */
function load(url: string): { stop: () => Promise<number> } {
  let on = true;
  let answered = 0;
  const loops = Array.from({ length: 4 }, async (_, i) => {
    while (on) {
      try {
        const res = await fetch(`${url}${i % 2 ? "/login" : "/"}`, { redirect: "manual" });
        await res.arrayBuffer();
        answered++;
      } catch {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });
  return {
    stop: async () => {
      on = false;
      await Promise.all(loops);
      return answered;
    },
  };
}

const indices = Array.from({ length: ROUNDS }, (_, i) => i).filter((i) => ONLY === null || i === ONLY);

for (const index of indices) {
  const round = roundOf(index);
  test(`round ${index}: ${round.signal} during ${round.aim.name} leaves nothing behind, and the next start serves`, async () => {
    const { aim } = round;
    const dataDir = join(workDir, `round-${index}-pg`);
    if (!aim.fresh) {
      execFileSync("cp", ["-a", template, dataDir]);
      execFileSync("cp", ["-a", `${template}.credentials.json`, `${dataDir}.credentials.json`]);
    }
    const cwd = aim.build ? projectCopy(workDir) : root;
    expect(await portFree(PORT), `port ${PORT} is free before the round`).toBe(true);

    const start = track(new NpmStart(cwd, dataDir, PORT, PG_PORT));
    let databaseUp = false;
    const watchDatabase = (async () => {
      while (!start.exited() && !databaseUp) {
        databaseUp = await portOpen(PG_PORT);
        if (!databaseUp) await new Promise((r) => setTimeout(r, 100));
      }
    })();
    let traffic: ReturnType<typeof load> | undefined;
    if (aim.after === "first page") {
      await start.printed("is running at");
      const first = await fetch(`http://127.0.0.1:${PORT}/login`);
      expect(first.status, "the first page answers").toBe(200);
      if (aim.load) traffic = load(`http://127.0.0.1:${PORT}`);
    } else if (aim.after !== "spawn") {
      await start.printed(aim.after);
    }
    await new Promise((r) => setTimeout(r, round.delayMs)); // the moment under test
    const postmaster = postmasterPid(dataDir);
    const at = Date.now() - start.startedAt;
    const building = groupMembers(start.pgid).some((p) => /next[- ]build/.test(p.args));
    const phase = phaseOf(start.output(), databaseUp, building);
    start.signalGroup(round.signal);
    const cleanupMs = await nothingLeft(
      start,
      PORT,
      PG_PORT,
      postmaster && processAlive(postmaster) ? postmaster : null,
    );
    const answered = await traffic?.stop();
    await watchDatabase;
    console.log(
      `[start-stop] seed ${SEED} round ${index}: ${round.signal} at ${(at / 1000).toFixed(1)} s (aimed: ${aim.name}, +${round.delayMs} ms; ` +
        `phase: ${phase}${answered !== undefined ? `, ${answered} requests answered` : ""}) → nothing left after ${cleanupMs} ms`,
    );
    test.info().annotations.push({
      type: "start-stop",
      description: JSON.stringify({ seed: SEED, round: index, signal: round.signal, atMs: at, phase, cleanupMs }),
    });
    // A stop is not a failure: the start does not report one (a stack, "start failed") because of it.
    expect(start.output(), "no error reported because of the stop").not.toMatch(/start failed|✖ /);

    // The next start on the same data folder and port serves, and stops cleanly too.
    const next = track(new NpmStart(root, dataDir, PORT, PG_PORT));
    await next.printed("is running at");
    expect((await fetch(`http://127.0.0.1:${PORT}/login`)).status, "the next start serves").toBe(200);
    next.signalGroup("SIGTERM");
    await nothingLeft(next, PORT, PG_PORT, null);
  });
}
