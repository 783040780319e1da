// An app of a spec's own, on a database of its own (e2e/reliability/app-instance.ts), for a spec whose data the
// other specs must not see, or whose clock it moves: started before the spec's tests, stopped (and its database
// dropped) after them. With `clock`, the app is started with TEST_CLOCK_FILE (lib/clock.ts) and the spec moves
// the app's time by rewriting that one file — no waiting for the calendar.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "@playwright/test";
import {
  createOwnDatabase,
  startApp,
  stopApp,
  untilServing,
  type AppInstance,
  type OwnDatabase,
} from "../reliability/app-instance";

/** How long an app of a spec's own may take to serve on its cloned database. */
const START_TIMEOUT_MS = 150_000;

export interface OwnApp {
  /** the running app (from the spec's first test or its own beforeAll on) */
  readonly app: AppInstance;
  readonly database: OwnDatabase;
  /** Moves the app's clock so that it now reads `iso` (an app started with `clock` only). */
  readonly moveClockTo: (iso: string) => void;
}

/**
 * Registers the beforeAll that starts the app with the sample data on `port` (the spec's own) and a new database
 * named after `name`, and the afterAll that stops it. Call it at the top of a serial spec; hooks the spec registers
 * after this call run after these.
 */
export function ownApp(options: { port: number; name: string; clock?: boolean }): OwnApp {
  let app: AppInstance | undefined;
  let database: OwnDatabase | undefined;
  let clockDir: string | undefined;
  const clockFile = () => join(clockDir!, "offset");

  test.beforeAll(async () => {
    // A clone of the run's seeded sample template (createOwnDatabase) and the app's start on it, which finds the
    // database migrated and seeded: measured in bench/SEED.md, with a margin for a loaded machine.
    test.setTimeout(START_TIMEOUT_MS + 30_000);
    database = await createOwnDatabase(options.name);
    if (options.clock) {
      clockDir = mkdtempSync(join(tmpdir(), `${options.name}-`));
      writeFileSync(clockFile(), "0");
    }
    app = startApp(options.port, database.url, true, clockDir ? { TEST_CLOCK_FILE: clockFile() } : {});
    await untilServing(app, START_TIMEOUT_MS);
  });

  test.afterAll(async () => {
    if (app) await stopApp(app);
    if (database) await database.drop();
    if (clockDir) rmSync(clockDir, { recursive: true, force: true });
  });

  return {
    get app() {
      if (!app) throw new Error("the spec's own app is not started yet");
      return app;
    },
    get database() {
      if (!database) throw new Error("the spec's own database is not created yet");
      return database;
    },
    moveClockTo: (iso) => {
      if (!clockDir) throw new Error("this app was started without a movable clock");
      writeFileSync(clockFile(), String(Date.parse(iso) - Date.now()));
    },
  };
}

/** The first day of the month `months` after the current one in China, as YYYY-MM-DD. */
export function firstOfMonthAfter(months: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const [y, m] = today.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}
