// Runs code as if no request were being answered. Node copies the AsyncLocalStorage stores of the moment onto
// every async resource it creates (a socket, a timer, a promise), and keeps them for as long as the resource
// lives. Next keeps a request's whole render state in such stores, so a database connection opened while a page
// was rendering kept that finished page in memory for as long as the connection stayed in its pool: in the soak
// (2026-12-08) the pools' forty-odd connections held as many requests, about 0.45 MB each, and through them
// some 36 MB of Next's per-request params. Things meant to outlive a request are made through here.
import { AsyncLocalStorage } from "node:async_hooks";

type Runner = <R>(fn: () => R) => R;

// Kept on globalThis: the server's bundles and `scripts/start.ts` each load their own copy of this module.
const holder = globalThis as unknown as { __trackerOutsideRequests?: Runner };

/**
 * Remembers the context of this moment, which must be outside any request (the server's start, before Next
 * answers anything), as the one `outsideRequests` runs in. The first call wins.
 */
export function rememberContextOutsideRequests(): void {
  holder.__trackerOutsideRequests ??= AsyncLocalStorage.snapshot() as Runner;
}

/**
 * Runs `fn` in the context remembered at the start, so what it creates carries no request's stores. Before a
 * context is remembered (scripts, tests) it runs `fn` as it is: no request is being answered there.
 */
export function outsideRequests<R>(fn: () => R): R {
  const run = holder.__trackerOutsideRequests;
  return run ? run(fn) : fn();
}
