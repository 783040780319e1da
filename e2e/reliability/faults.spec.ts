// Faults (issue 7, item 3): the README's run command is crashed with kill -9 in the middle of an edit burst
// and in the middle of a large import, then started again on the same data: the database must hold complete
// transactions only, history must agree with item state, every write the app acknowledged must be there, and
// the app must serve. Then PostgreSQL is stopped and started again under the running app: requests must fail
// with a clear error meanwhile and succeed afterwards from the same process.
//
// Two crashes are tried: kill -9 of the process serving HTTP (Next runs inside start.ts's process, so this is
// also `npm start`'s process; the embedded PostgreSQL is left running as an orphan and the next start must
// take it over), and kill -9 of the whole process group (server and postmaster at once: PostgreSQL must then
// recover from its WAL). Each test runs on its own copy of a cluster seeded once in beforeAll.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import type ZhCommon from "../../lib/i18n/messages/zh-CN/common.json";
import type ZhDashboard from "../../lib/i18n/messages/zh-CN/dashboard.json";
import type ZhReports from "../../lib/i18n/messages/zh-CN/reports.json";
import { formOf, HttpSession } from "../../tests/support/http-client";
import { SAMPLE_PASSWORD } from "../auth";
import { expect, test } from "../fixtures";
import {
  FaultApp,
  appLogs,
  copyCluster,
  listenerPid,
  newWorkDir,
  postmasterPid,
  processGone,
  startDatabaseAgain,
  stopEverything,
  until,
} from "./support/faults-app";
import { burstUntilKilled, countOutcomes, type BurstClient } from "./support/faults-burst";
import { applyImport, portfolioFileWithPerson, previewImport } from "./support/faults-import";
import { checkIntegrity } from "./support/faults-integrity";

// The catalogue is read as data (Playwright's loader does not take JSON imports); the types come from the files.
const catalogue = <T>(name: string): T =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, "..", "..", "lib", "i18n", "messages", "zh-CN", `${name}.json`), "utf8"),
  ) as T;
const zhCommon = catalogue<typeof ZhCommon>("common");
const zhDashboard = catalogue<typeof ZhDashboard>("dashboard");
const zhReports = catalogue<typeof ZhReports>("reports");

/** app port, embedded PostgreSQL port: one pair per test, inside the fault spec's range 39480–39499 */
const PORTS = {
  template: [39480, 39481],
  burstServer: [39482, 39483],
  burstGroup: [39484, 39485],
  importServer: [39486, 39487],
  importGroup: [39488, 39489],
  database: [39490, 39491],
} as const;

interface Crash {
  name: string;
  kill(app: FaultApp): Promise<unknown>;
  /** whether PostgreSQL survives the kill (as an orphan the next start must stop) */
  leavesDatabase: boolean;
}

const SERVER: Crash = { name: "the server process", kill: (app) => app.killServer(), leavesDatabase: true };
const GROUP: Crash = {
  name: "the whole process group (server and PostgreSQL)",
  kill: (app) => app.killGroup(),
  leavesDatabase: false,
};

/** Runs `fn` with a connection of its own to the app's database (closed before any crash). */
async function withSql<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Fails with `what` instead of hanging when the app does not answer within `ms`. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)),
  );
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts the README command on a fresh copy of the seeded cluster. */
async function startCopy(template: string, [port, pgPort]: readonly [number, number]): Promise<FaultApp> {
  const app = new FaultApp(copyCluster(template), port, pgPort);
  await app.startAndServe();
  return app;
}

/** The crash, then the README command again on the same data folder and ports. */
async function crashAndRestart(app: FaultApp, crash: Crash, kill: () => Promise<unknown>): Promise<void> {
  const postmaster = postmasterPid(app.dataDir);
  expect(postmaster, "the embedded PostgreSQL runs").not.toBeNull();
  await kill();
  if (crash.leavesDatabase) expect(processGone(postmaster!), "PostgreSQL outlives the killed server").toBe(false);
  else await until(() => processGone(postmaster!), "the killed postmaster to be gone");
  app.start();
  await app.serving();
  expect(processGone(postmaster!), "the restart stopped the old PostgreSQL").toBe(true);
  if (crash.leavesDatabase)
    expect(app.output()).toContain(`stopping PostgreSQL left running by an earlier run (pid ${postmaster})`);
}

let template = "";

test.describe.configure({ mode: "default", timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // First start of the README command: migrates and seeds the sample data; a clean stop leaves a cluster to copy.
  const app = new FaultApp(join(newWorkDir("suite"), "pg"), ...PORTS.template);
  await app.startAndServe();
  // These specs are about crashes, not review: every accepted update must reach its item at once, as it does
  // with the reporting cycle's review turned off (the sample data has it on).
  await withSql(app.databaseUrl, (c) => c.query("UPDATE cycle_settings SET review_required = false"));
  await app.stop();
  expect(app.child!.exitCode).toBe(0);
  template = app.dataDir;
});

test.afterEach(async ({}, testInfo) => {
  test.setTimeout(120_000);
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach("app output", { body: appLogs(), contentType: "text/plain" });
  await stopEverything("test");
});

test.afterAll(async () => {
  await stopEverything("suite");
});

/** Editors with two items each that their unit leads (no item shared, so no write is refused as a conflict). */
async function burstClients(app: FaultApp, wanted: number): Promise<BurstClient[]> {
  const rows = await withSql(
    app.databaseUrl,
    async (c) =>
      (
        await c.query<{ login_name: string; id: number; code: string; version: number }>(
          `SELECT u.login_name, i.id, i.code, i.version FROM users u JOIN items i ON i.lead_unit_id = u.unit_id
          WHERE u.role = 'EDITOR' AND NOT u.disabled AND NOT u.pending_approval AND i.level = 'ACTION' AND i.retired_at IS NULL
          ORDER BY u.login_name, i.code`,
        )
      ).rows,
  );
  const taken = new Set<number>();
  const byLogin = new Map<string, BurstClient["items"]>();
  for (const r of rows) {
    const items = byLogin.get(r.login_name) ?? [];
    if (items.length < 2 && !taken.has(r.id)) {
      items.push({ id: r.id, code: r.code, version: r.version });
      taken.add(r.id);
    }
    byLogin.set(r.login_name, items);
  }
  const chosen = [...byLogin].filter(([, items]) => items.length === 2).slice(0, wanted);
  expect(chosen.length, "the sample data has enough editors with two items").toBeGreaterThanOrEqual(
    Math.min(wanted, 4),
  );
  return Promise.all(
    chosen.map(async ([login, items]) => {
      const session = new HttpSession(app.url);
      await session.signIn(login, SAMPLE_PASSWORD);
      return { login, session, items };
    }),
  );
}

for (const [crash, ports] of [
  [SERVER, PORTS.burstServer],
  [GROUP, PORTS.burstGroup],
] as const) {
  test(`kill -9 of ${crash.name} in the middle of an edit burst: acknowledged writes kept, none half-written, history agrees`, async () => {
    const app = await startCopy(template, ports);
    const clients = await burstClients(app, 8);
    const tag = `faults-burst-${Date.now()}`;

    const burst = await burstUntilKilled(clients, tag, 30, () => crashAndRestart(app, crash, () => crash.kill(app)));
    const counts = countOutcomes(burst.writes);
    test.info().annotations.push({
      type: "edit burst",
      description: JSON.stringify({ crash: crash.name, ...counts, inFlightAtKill: burst.inFlightAtKill }),
    });
    console.log(`[faults] edit burst, kill -9 of ${crash.name}:`, { ...counts, inFlightAtKill: burst.inFlightAtKill });
    expect(burst.inFlightAtKill, "requests were in flight when the server was killed").toBeGreaterThan(0);
    expect(counts.accepted).toBeGreaterThanOrEqual(30);
    // Each item has one writer, so nothing is refused as a conflict; a busy machine may answer "unavailable"
    // (a clear answer: nothing written, checked below). The app's log says why.
    expect(
      burst.writes.filter((w) => w.outcome === "refused" && w.answer !== "unavailable"),
      "no write refused except as unavailable",
    ).toEqual([]);
    if (counts.refused > 0)
      console.log(
        `[faults] why writes were refused as unavailable:\n${[
          ...new Set(
            app
              .fullLog()
              .split("\n")
              .filter((l) => /Error|P\d{4}|timeout|Timed out/i.test(l)),
          ),
        ]
          .slice(0, 10)
          .join("\n")}`,
      );

    // The restarted app's database: every acknowledged write once, with its history row; nothing else of ours
    // but whole writes that were in flight.
    const found = await withSql(app.databaseUrl, async (c) => ({
      updates: (
        await c.query<{ note: string; item_id: number; history_version: number | null }>(
          `SELECT pu.note, pu.item_id, h.version AS history_version FROM progress_updates pu
             LEFT JOIN item_history h ON h.item_id = pu.item_id AND h.changed_at = pu.created_at AND h.action = 'PROGRESS_UPDATE'
            WHERE pu.note LIKE $1 || ' %'`,
          [tag],
        )
      ).rows,
      versions: new Map(
        (
          await c.query<{ id: number; version: number }>(`SELECT id, version FROM items WHERE id = ANY($1)`, [
            clients.flatMap((cl) => cl.items.map((i) => i.id)),
          ])
        ).rows.map((r) => [r.id, r.version]),
      ),
    }));
    const sent = new Map(burst.writes.map((w) => [w.note, w]));
    expect(
      found.updates.filter((u) => !sent.has(u.note)),
      "no update the burst did not send",
    ).toEqual([]);
    expect(
      found.updates.filter((u) => u.history_version === null),
      "every update has its history row",
    ).toEqual([]);
    const present = new Map<string, number>();
    for (const u of found.updates) present.set(u.note, (present.get(u.note) ?? 0) + 1);
    for (const w of burst.writes) {
      const times = present.get(w.note) ?? 0;
      if (w.outcome === "accepted") expect(times, `acknowledged write "${w.note}" is kept once`).toBe(1);
      else if (w.outcome === "not-sent") expect(times, `write "${w.note}" never reached the server`).toBe(0);
      else if (w.outcome === "refused") expect(times, `refused write "${w.note}" is not written`).toBe(0);
      else expect(times, `in-flight write "${w.note}" is whole or absent`).toBeLessThanOrEqual(1);
    }
    let committedInFlight = 0;
    for (const client of clients) {
      for (const item of client.items) {
        // The item's new versions are exactly its writes that are present, in the order they were sent.
        const sentToItem = burst.writes.filter((w) => w.itemId === item.id && w.outcome !== "refused");
        const kept = found.updates
          .filter((u) => u.item_id === item.id)
          .sort((a, b) => a.history_version! - b.history_version!);
        expect(kept.map((u) => u.note)).toEqual(sentToItem.slice(0, kept.length).map((w) => w.note));
        expect(kept.map((u) => u.history_version)).toEqual(kept.map((_, i) => item.version + 1 + i));
        expect(found.versions.get(item.id)).toBe(item.version + kept.length);
        for (const w of sentToItem.slice(0, kept.length))
          if (w.outcome === "accepted") expect(w.version).toBe(item.version + 1 + sentToItem.indexOf(w));
        committedInFlight += sentToItem.slice(0, kept.length).filter((w) => w.outcome !== "accepted").length;
      }
    }
    console.log(
      `[faults] in-flight writes found committed after the restart: ${committedInFlight} of ${counts["in-flight"]}`,
    );

    const integrity = await checkIntegrity(app.databaseUrl);
    expect(integrity.problems).toEqual([]);

    // The app serves: the editors' sessions survived (the secret is in the database), a new sign-in works,
    // the item page shows the last kept update, and a new write to the same item is accepted.
    const client = clients[0]!;
    const item = client.items[0]!;
    const kept = found.updates
      .filter((u) => u.item_id === item.id)
      .sort((a, b) => a.history_version! - b.history_version!);
    const page = await client.session.fetch(`/items/${item.code}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    if (kept.length > 0) expect(html).toContain(kept.at(-1)!.note);
    const fresh = new HttpSession(app.url);
    await fresh.signIn(client.login, SAMPLE_PASSWORD);
    const after = await fresh.callAction<{ ok: boolean; data?: { version: number } }>(
      "lib/actions/items.ts",
      "postProgressUpdate",
      [
        null,
        formOf({
          itemId: item.id,
          expectedVersion: found.versions.get(item.id)!,
          status: "IN_PROGRESS",
          progress: 50,
          confidence: "GREEN",
          note: `${tag} after restart`,
        }),
      ],
      `/items/${item.code}/update`,
    );
    expect(after.value).toMatchObject({ ok: true, data: { version: found.versions.get(item.id)! + 1 } });
  });
}

for (const [crash, ports] of [
  [SERVER, PORTS.importServer],
  [GROUP, PORTS.importGroup],
] as const) {
  test(`kill -9 of ${crash.name} in the middle of an import of every item: all of it or none, history agrees`, async () => {
    const app = await startCopy(template, ports);
    const admin = new HttpSession(app.url);
    await admin.signIn("admin", SAMPLE_PASSWORD);
    const person = `故障测试 ${Date.now()}`;
    const file = await portfolioFileWithPerson(admin, person);
    const preview = await previewImport(admin, file);
    expect(preview.value, "the dry run accepts the file").toMatchObject({
      ok: true,
      data: { plan: { counts: { rows: file.codes.length, changed: file.codes.length } } },
    });

    const stateOf = (c: pg.Client) =>
      c
        .query<{ code: string; version: number; responsible_person: string | null }>(
          `SELECT code, version, responsible_person FROM items WHERE code = ANY($1) ORDER BY code`,
          [file.codes],
        )
        .then((r) => r.rows);
    const historyCount = async (c: pg.Client) =>
      Number((await c.query<{ n: string }>(`SELECT count(*)::text AS n FROM item_history`)).rows[0]!.n);
    const before = await withSql(app.databaseUrl, async (c) => ({
      items: await stateOf(c),
      history: await historyCount(c),
    }));

    // Apply, and crash once the import's transaction is well into writing history rows (one per item): each
    // INSERT seen in pg_stat_activity is one item changed, uncommitted.
    let answered = false;
    const applying = applyImport(admin, file).then(
      (response) => ((answered = true), { response }),
      (error: unknown) => ({ error }),
    );
    const watcher = new pg.Client({ connectionString: app.databaseUrl });
    await watcher.connect();
    const inserts = new Set<string>();
    // A few sightings, not twenty: sampled every few milliseconds, pg_stat_activity shows only some of the inserts
    // (on a quiet machine each takes well under a millisecond), and waiting for twenty sightings once let the
    // whole import commit and answer before the kill.
    const enough = 3;
    try {
      await until(
        async () => {
          if (answered)
            throw new Error(
              `the import answered before the crash (${inserts.size} history inserts seen): make the file larger`,
            );
          const { rows } = await watcher.query<{ key: string }>(
            `SELECT pid || ' ' || query_start::text AS key FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND query ILIKE 'INSERT INTO%item_history%'`,
          );
          for (const r of rows) inserts.add(r.key);
          return inserts.size >= enough;
        },
        "the import's transaction to write history rows",
        60_000,
        5,
      );
    } finally {
      await watcher.end();
    }
    await crashAndRestart(app, crash, () => crash.kill(app));
    const outcome = await applying;
    expect("error" in outcome, "the import got no answer: it was cut off").toBe(true);

    const after = await withSql(app.databaseUrl, async (c) => ({
      items: await stateOf(c),
      history: await historyCount(c),
    }));
    const changed = after.items.filter((i) => i.responsible_person === person).length;
    test.info().annotations.push({
      type: "import",
      description: JSON.stringify({
        crash: crash.name,
        rows: file.codes.length,
        historyInsertsSeenBeforeKill: inserts.size,
        itemsChangedAfterRestart: changed,
      }),
    });
    console.log(
      `[faults] import, kill -9 of ${crash.name}: ${file.codes.length} rows, ${inserts.size} history inserts seen before the kill, ${changed} items changed after the restart`,
    );
    expect([0, file.codes.length], "all of the import or none").toContain(changed);
    const applied = changed === file.codes.length;
    expect(after.items.map((i) => i.version)).toEqual(before.items.map((i) => i.version + (applied ? 1 : 0)));
    expect(after.history).toBe(before.history + (applied ? file.codes.length : 0));
    expect((await checkIntegrity(app.databaseUrl)).problems).toEqual([]);

    // The app serves, and the same file applies now (nothing was left locked or half-changed).
    if (!applied) {
      const again = await applyImport(admin, file);
      expect(again.value).toMatchObject({ ok: true });
      expect(again.value?.data?.changed).toHaveLength(file.codes.length);
    }
    const page = await admin.fetch(`/items/${file.codes.at(-1)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(person);
    const final = await withSql(app.databaseUrl, stateOf);
    expect(final.filter((i) => i.responsible_person === person)).toHaveLength(file.codes.length);
  });
}

test("PostgreSQL stops and starts again under the running app: a clear error meanwhile, service afterwards, no app restart", async ({
  page,
}) => {
  const app = await startCopy(template, PORTS.database);
  const [editor] = await burstClients(app, 1);
  const { session, items } = editor!;
  const item = items[0]!;
  // The browser shares the editor's session, to see what a person sees.
  await page.context().addCookies([...session.cookies].map(([name, value]) => ({ name, value, url: app.url })));
  const server = listenerPid(app.port);
  expect(server).not.toBeNull();

  // Fast shutdown, as `pg_ctl stop -m fast` does: sessions are ended, the data folder is left clean.
  const postmaster = postmasterPid(app.dataDir)!;
  process.kill(postmaster, "SIGINT");
  await until(() => processGone(postmaster), "PostgreSQL to stop");

  for (const path of [`/items/${item.code}`, "/items", "/"]) {
    const response = await page.goto(`${app.url}${path}`, { timeout: 20_000 });
    // Next answers a page whose render failed with app/error.tsx and status 500 (an error boundary cannot
    // choose 503); what the person gets is the clear message, not a hang or a stack trace.
    expect([500, 503], `GET ${path}`).toContain(response!.status());
    await expect(
      page.getByRole("alert").filter({ hasText: zhCommon.errors.database }),
      `GET ${path} shows the database error`,
    ).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zhCommon.errors.title);
  }
  const postUpdate = (progress: number, note: string) =>
    session.callAction(
      "lib/actions/items.ts",
      "postProgressUpdate",
      [
        null,
        formOf({
          itemId: item.id,
          expectedVersion: item.version,
          status: "IN_PROGRESS",
          progress,
          confidence: "GREEN",
          note,
        }),
      ],
      `/items/${item.code}/update`,
    );
  const write = await within(
    20_000,
    "a progress update with the database down",
    postUpdate(33, "faults: while the database is down"),
  );
  expect(write.status).toBe(200);
  expect(write.value).toMatchObject({ ok: false, code: "unavailable" });
  const report = await within(
    20_000,
    "a report with the database down",
    session.fetch("/api/reports?scope=all&compare=none&format=csv"),
  );
  expect(report.status).toBe(503);
  expect(await report.text()).toBe(zhReports.reports.errors.unavailable);
  expect(app.running(), "the app process is still up").toBe(true);

  // PostgreSQL again on the same data folder and port; the same app process serves again: the error page's
  // retry button brings the dashboard back, and a fresh load answers 200.
  await startDatabaseAgain(app);
  await page.getByRole("button", { name: zhCommon.errors.retry }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zhDashboard.dashboard.title);
  const home = await page.goto(`${app.url}/`, { timeout: 20_000 });
  expect(home!.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zhDashboard.dashboard.title);
  await expect(page.getByRole("alert").filter({ hasText: zhCommon.errors.database })).toHaveCount(0);
  const saved = await postUpdate(34, "faults: after the database came back");
  expect(saved.value).toMatchObject({ ok: true, data: { version: item.version + 1 } });
  const itemPage = await page.goto(`${app.url}/items/${item.code}`);
  expect(itemPage!.status()).toBe(200);
  await expect(page.getByText("faults: after the database came back").first()).toBeVisible();
  expect((await session.fetch("/api/reports?scope=all&compare=none&format=csv")).status).toBe(200);
  expect(listenerPid(app.port), "the same process serves: the app was not restarted").toBe(server);
  expect((await checkIntegrity(app.databaseUrl)).problems).toEqual([]);
});
