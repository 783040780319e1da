// The open API's bookkeeping cleanup (lib/writes/api-housekeeping.ts, the job queue's hourly api-cleanup) with the
// clock moved (lib/clock.ts), never waited for: Idempotency-Key rows go once older than the day they are kept (a
// younger one stays and still answers its retry), rate-limit counters once their window ended more than a window
// ago (the current and the previous window stay), for every token, used or not; run on the queue like the other
// ticks.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { now, resetClock, setClock } from "@/lib/clock";
import { CRON_ITEMS } from "@/lib/jobs/crontab";
import { enqueue } from "@/lib/jobs/enqueue";
import { startJobRunner, type JobRunner } from "@/lib/jobs/runner";
import { createTaskList, type JobDeps } from "@/lib/jobs/tasks";
import { cleanUpApiBookkeeping } from "@/lib/writes/api-housekeeping";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { sampleAccount } from "../support/actors";
import { fakeBulletinRenderer, fakeSupervisionRenderer } from "../support/fake-renderers";
import { pollUntil } from "../support/poll";

let t: TestDatabase;
let deps: JobDeps;
const runners: JobRunner[] = [];
let idempotency: typeof import("@/lib/http/idempotency");
let limits: typeof import("@/lib/auth/api-limits");
let busy: number;
let idle: number;

const T0 = new Date("2036-05-01T08:00:30Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function makeToken(name: string): Promise<number> {
  const { createApiToken } = await import("@/lib/writes/api-tokens");
  const owner = await sampleAccount(t.db, { role: "EDITOR", unitId: { not: null } });
  await t.db.$transaction((tx) => createApiToken(tx, owner, { name, scope: "WRITE", expiresInDays: 30 }, now()));
  return (await t.db.apiToken.findFirstOrThrow({ where: { name }, orderBy: { id: "desc" } })).id;
}

const keys = async () =>
  (await t.db.apiIdempotency.findMany({ orderBy: [{ tokenId: "asc" }, { key: "asc" }] })).map(
    (r) => `${r.tokenId === busy ? "busy" : "idle"}:${r.key}`,
  );
const windows = async () =>
  (await t.db.apiRateLimit.findMany({ orderBy: [{ tokenId: "asc" }, { windowStart: "asc" }] })).map(
    (r) => `${r.tokenId === busy ? "busy" : "idle"}@${(r.windowStart.getTime() - T0.getTime() + 30_000) / MINUTE}`,
  );

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  idempotency = await import("@/lib/http/idempotency");
  limits = await import("@/lib/auth/api-limits");
  deps = { db: t.db, now, renderBulletin: fakeBulletinRenderer, renderSupervision: fakeSupervisionRenderer };
  setClock(T0);
  busy = await makeToken("cleanup-busy");
  idle = await makeToken("cleanup-idle");
});

afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
});

afterAll(async () => {
  resetClock();
  await t?.drop();
});

/** A request of `token` at `when`: counted against its rate limit, with an answered Idempotency-Key. */
async function request(token: number, key: string, when: Date) {
  expect((await limits.takeRequest(token, when)).ok).toBe(true);
  const claim = await idempotency.claimKey(token, key, idempotency.requestHash("POST", "/x", key), when);
  expect(claim.kind).toBe("new");
  await idempotency.storeAnswer(token, key, 201, { body: { key } });
}

describe("the API bookkeeping cleanup", () => {
  it("is an hourly task on its own queue", () => {
    expect(CRON_ITEMS.find((c) => c.task === "api-cleanup")).toMatchObject({
      match: "0 * * * *",
      options: { queueName: "api", maxAttempts: 3, backfillPeriod: 0 },
    });
  });

  it("drops keys older than a day and rate windows that ended over a window ago, as the clock moves", async () => {
    // T0: both tokens make a request; then only `busy` goes on (at +1 h and +23 h 59 min)
    await request(busy, "k0", at(0));
    await request(idle, "k0", at(0));
    await request(busy, "k1", at(HOUR));
    await request(busy, "k2", at(24 * HOUR - MINUTE));
    // the request path already dropped busy's own old windows; idle's stays behind
    expect(await windows()).toEqual(["busy@1439", "idle@0"]);

    // one minute after idle's request: its window (0) is the previous one, kept
    setClock(at(MINUTE));
    expect(await cleanUpApiBookkeeping(t.db, now())).toEqual({ idempotencyKeys: 0, rateWindows: 0 });
    // two minutes after: it ended more than a window ago
    setClock(at(2 * MINUTE));
    expect(await cleanUpApiBookkeeping(t.db, now())).toEqual({ idempotencyKeys: 0, rateWindows: 1 });
    expect(await windows()).toEqual(["busy@1439"]);
    expect(await keys()).toEqual(["busy:k0", "busy:k1", "busy:k2", "idle:k0"]);

    // a minute short of a day after T0: every key is still kept, and a retry still gets its stored answer
    setClock(at(24 * HOUR - MINUTE));
    await cleanUpApiBookkeeping(t.db, now());
    expect(await keys()).toEqual(["busy:k0", "busy:k1", "busy:k2", "idle:k0"]);
    const replay = await idempotency.claimKey(idle, "k0", idempotency.requestHash("POST", "/x", "k0"), now());
    expect(replay).toEqual({ kind: "replay", status: 201, body: { body: { key: "k0" } } });

    // a day and a minute after T0: the keys of T0 go, those of +1 h and +23 h 59 min stay; busy's window of
    // +23 h 59 min is now two windows back
    setClock(at(24 * HOUR + MINUTE));
    expect(await cleanUpApiBookkeeping(t.db, now())).toEqual({ idempotencyKeys: 2, rateWindows: 1 });
    expect(await keys()).toEqual(["busy:k1", "busy:k2"]);
    expect(await windows()).toEqual([]);
    // idle's key is free again: a new request with it is judged afresh
    const fresh = await idempotency.claimKey(idle, "k0", idempotency.requestHash("POST", "/x", "other"), now());
    expect(fresh).toEqual({ kind: "new" });
    await idempotency.releaseKey(idle, "k0");

    // running again changes nothing: the work is idempotent
    expect(await cleanUpApiBookkeeping(t.db, now())).toEqual({ idempotencyKeys: 0, rateWindows: 0 });
  });

  it("runs from the job queue with the clock the runner is given", async () => {
    await request(idle, "q", now());
    const start = now();
    setClock(new Date(start.getTime() + 2 * 24 * HOUR));
    const runner = await startJobRunner({
      connectionString: t.url,
      deps,
      cron: [],
      taskList: createTaskList(deps),
      tickAtStart: false,
      pollInterval: 200,
    });
    runners.push(runner);
    await t.db.$transaction((tx) => enqueue(tx, "api-cleanup", {}, { queueName: "api" }));
    const left = () =>
      t.db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'api-cleanup'`;
    await pollUntil(t.db, "the cleanup job to complete", async () => (await left())[0]!.n === 0);
    expect(await keys()).toEqual([]);
    expect(await windows()).toEqual([]);
    // the rows of other tables are untouched: the tokens are still there
    expect(await t.db.apiToken.count({ where: { id: { in: [busy, idle] } } })).toBe(2);
  });
});
