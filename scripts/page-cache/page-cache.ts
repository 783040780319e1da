// `npm start`'s cache of rendered pages (issue 18): the dashboard, the list, an item and a pillar page, kept
// per person and per everything the page was rendered from, and served again without rendering while all of it
// still holds. Most page views change nothing, so most are answered from here in well under a millisecond of
// CPU instead of tens of milliseconds of rendering.
//
// Why a kept page is still the right answer for this request, and for this person (the permission check):
// - it was rendered by Next for the same session token (the key, requests.ts), which ran every check of the
//   page: the account, its role and unit, the sign-in not ended. Those are database rows; a change to any
//   of them moves the data or the page version (versions.ts), and a page of another version is never served;
// - the token itself is decoded here and must still be unexpired (the page's own check would refuse it);
// - everything else the render read is the clock (store.ts: same day, within a minute) or in the key.
// Only a complete 200 HTML answer without an error boundary in it and without cookies other than the request
// id's is kept; anything else (a redirect to sign in, 403, 404, 500) goes to Next every time.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzip } from "node:zlib";
import { DecodedSessions } from "../../lib/auth/session-token";
import { now } from "../../lib/clock";
import { takeRequestFailed } from "../../lib/http/failed-requests";
import { countCacheLookup } from "../../lib/metrics";
import { REQUEST_ID_COOKIE } from "../../lib/request-id";
import { newNonce } from "../../lib/security-headers";
import { captureResponse, type Captured } from "./capture";
import { pageRequestOf } from "./requests";
import { PageStore, stillHolds, type KeptPage } from "./store";
import { PageTemplate, refill, type Fills } from "./template";
import { isNewerVersion, versionReader } from "./versions";

const MAX_PAGE_BYTES = 4 * 1024 * 1024;
/** Headers of the kept response that belong to its connection or are set again per response. */
const NOT_REPLAYED = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "x-page-cache",
]);

export interface PageCache {
  /** Answers the request from a kept page, or calls `next` (Next renders it, and the answer may be kept). */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  close(): Promise<void>;
}

/** The nonce this response's CSP allows scripts with ('nonce-…' in the header proxy.ts sets). */
function nonceOf(headers: Captured["headers"]): string | null {
  const csp = headers["content-security-policy"];
  const match = typeof csp === "string" ? /'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp) : null;
  return match?.[1] ?? null;
}

/** Whether each cookie the response sets is the request id's (proxy.ts); anything else is per-response. */
function onlyRequestIdCookie(setCookie: Captured["headers"]["set-cookie"]): boolean {
  const all = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [String(setCookie)];
  return all.every((c) => c.startsWith(`${REQUEST_ID_COOKIE}=`));
}

/** The page to keep from a finished response, or null when it must not be kept. */
export function keptPageOf(
  captured: Captured,
  requestId: string,
  render: { version: string; clockAt: number; sessionUntil: number },
): KeptPage | null {
  const { status, headers, body } = captured;
  const type = headers["content-type"];
  if (status !== 200 || typeof type !== "string" || !type.startsWith("text/html")) return null;
  if (headers["content-encoding"] !== undefined || !onlyRequestIdCookie(headers["set-cookie"])) return null;
  const nonce = nonceOf(headers);
  // A short request id (a client's own) could occur in the page by chance and would be replaced there too.
  if (!nonce || requestId.length < 16) return null;
  const text = body.toString("utf8");
  // React marks a boundary whose server render failed (or that redirected) with its digest: the page shows an
  // error or is not what this person should see again.
  if (text.includes("data-dgst=")) return null;
  const kept: Fills = { nonce, requestId };
  const replayed: [string, string | string[]][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_REPLAYED.has(name)) continue;
    replayed.push([name, Array.isArray(value) ? value.map(String) : String(value)]);
  }
  return { ...render, status, headers: replayed, body: PageTemplate.of(text, kept), kept };
}

function acceptsGzip(req: IncomingMessage): boolean {
  const accept = req.headers["accept-encoding"];
  return typeof accept === "string" && /\bgzip\b/.test(accept) && !/\bgzip;\s*q=0(?:\.0+)?\b/.test(accept);
}

function send(page: KeptPage, req: IncomingMessage, res: ServerResponse, as: "hit" | "stale"): void {
  const fills: Fills = {
    nonce: newNonce(),
    // set by scripts/request-observer.ts before the cache is asked
    requestId: String(req.headers["x-request-id"]),
  };
  res.statusCode = page.status;
  for (const [name, value] of page.headers)
    res.setHeader(
      name,
      Array.isArray(value) ? value.map((v) => refill(v, page.kept, fills)) : refill(value, page.kept, fills),
    );
  res.setHeader("x-page-cache", as);
  const body = page.body.render(fills);
  if (!acceptsGzip(req)) {
    res.setHeader("content-length", body.length);
    res.end(body);
    return;
  }
  // On libuv's thread pool: the compression runs beside the event loop, not on it.
  gzip(body, (err, zipped) => {
    if (err) {
      res.setHeader("content-length", body.length);
      res.end(body);
      return;
    }
    res.setHeader("content-encoding", "gzip");
    res.setHeader("content-length", zipped.length);
    res.end(zipped);
  });
}

export function createPageCache(databaseUrl: string, maxBytes = 64 * 1024 * 1024): PageCache {
  const versions = versionReader(databaseUrl);
  const store = new PageStore(maxBytes);
  const sessions = new DecodedSessions();
  /** renders under way, per key: requests for the same page meanwhile wait for it instead of rendering too */
  const filling = new Map<string, { version: string; page: Promise<KeptPage | null> }>();
  let lastVersion = "";

  async function answer(req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> {
    const asked = pageRequestOf(req.method, req.url, req.headers);
    if (!asked) return next();
    let version: string;
    let sessionUntil: number;
    try {
      const [v, session] = await Promise.all([versions.read(), sessions.read(asked.token, asked.salt)]);
      // Not a session (expired, tampered, or from before session ids): Next sends the person to sign in.
      if (!session.claims || session.until <= Date.now()) return next();
      version = v;
      sessionUntil = session.until;
    } catch {
      return next(); // the database is away: Next answers with its own error page
    }
    // Requests read the version concurrently and may finish out of order: only a newer one throws the kept
    // pages away, eagerly (an older one's pages are then never served; the store's bound removes them in time).
    if (isNewerVersion(version, lastVersion)) {
      store.dropOtherVersions(version);
      lastVersion = version;
    }
    const clockAt = now().getTime();
    const kept = store.get(asked.key, version, clockAt);
    if (kept?.fresh) {
      countCacheLookup("pages", true);
      return send(kept.page, req, res, "hit");
    }
    const pending = filling.get(asked.key);
    if (pending && pending.version === version) {
      // Its re-render is under way: the page from a minute ago meanwhile (same data, same day).
      if (kept) {
        countCacheLookup("pages", true);
        return send(kept.page, req, res, "stale");
      }
      const page = await pending.page;
      if (page && stillHolds(page, version, now().getTime())) {
        countCacheLookup("pages", true);
        return send(page, req, res, "hit");
      }
    }
    countCacheLookup("pages", false);
    // The kept copy must be plain text (the nonce is replaced in it); this one answer goes uncompressed.
    delete req.headers["accept-encoding"];
    const requestId = String(req.headers["x-request-id"]);
    const page = new Promise<KeptPage | null>((resolve) =>
      captureResponse(res, MAX_PAGE_BYTES, (captured) => {
        const failed = takeRequestFailed(requestId);
        resolve(captured && !failed ? keptPageOf(captured, requestId, { version, clockAt, sessionUntil }) : null);
      }),
    );
    const entry = { version, page };
    filling.set(asked.key, entry);
    void page.then((p) => {
      if (filling.get(asked.key) === entry) filling.delete(asked.key);
      if (p) store.set(asked.key, p);
    });
    res.setHeader("x-page-cache", "miss");
    next();
  }

  return {
    handle(req, res, next) {
      let handed = false;
      const once = () => {
        if (handed) return;
        handed = true;
        next();
      };
      answer(req, res, once).catch(once);
    },
    close: () => versions.close(),
  };
}
