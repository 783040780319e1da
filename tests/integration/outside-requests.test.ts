// A database connection opened while a request is answered must not keep that request in memory
// (lib/outside-requests.ts, lib/pg-pool.ts). Node copies the AsyncLocalStorage stores of the moment onto the
// socket it opens, and a pool keeps the socket long after the request has gone; Next keeps a request's render
// state in such stores. Each test opens one connection inside a stand-in request's store, lets the request go,
// and asks the garbage collector whether the request is still held.
import { AsyncLocalStorage } from "node:async_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rememberContextOutsideRequests } from "@/lib/outside-requests";
import { newPgPool } from "@/lib/pg-pool";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

// As the server does at its start, before any request (scripts/start.ts, instrumentation.ts).
rememberContextOutsideRequests();

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ empty: true });
});
afterAll(async () => {
  await t.drop();
});

const requestStore = new AsyncLocalStorage<{ page: Uint8Array }>();

/** Answers a stand-in request that queries through `pool`; returns a weak reference to the request's state. */
async function answerRequest(pool: pg.Pool): Promise<WeakRef<object>> {
  const request = { page: new Uint8Array(1024 * 1024) };
  await requestStore.run(request, () => pool.query("SELECT 1"));
  return new WeakRef(request);
}

/** Whether the request's state survives a full collection (run on a later turn, when nothing on the stack holds it). */
async function stillHeld(ref: WeakRef<object>): Promise<boolean> {
  await new Promise((resolve) => setImmediate(resolve));
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  return ref.deref() !== undefined;
}

describe("connections opened during a request", () => {
  // No idle timeout: its timer, set as the connection goes back to the pool, would hold the request too (for
  // the timeout's 10 s), and this is about the connection.
  const config = () => ({ connectionString: t.url, max: 1, idleTimeoutMillis: 0 });

  it("do not keep the request in memory once it is answered", async () => {
    const pool = newPgPool(config());
    try {
      const ref = await answerRequest(pool);
      expect(pool.totalCount).toBe(1); // the connection stays open in the pool
      expect(await stillHeld(ref)).toBe(false);
    } finally {
      await pool.end();
    }
  });

  it("would keep it with a plain pool (why the app's pools are made by newPgPool)", async () => {
    const pool = new pg.Pool(config());
    try {
      const ref = await answerRequest(pool);
      expect(pool.totalCount).toBe(1);
      expect(await stillHeld(ref)).toBe(true);
    } finally {
      await pool.end();
    }
  });
});
