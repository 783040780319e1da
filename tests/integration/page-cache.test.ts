// The page cache of `npm start` (scripts/page-cache/) in front of a stand-in for Next's renderer, over real HTTP
// and a real database: what it keeps, what it serves again and to whom, and what makes it render anew. The
// renderer here answers like Next does for a page (a CSP nonce in the header and the body, the request id in a
// header and a cookie) and numbers its renders, so a served copy is told apart from a fresh render.
// e2e/page-cache.spec.ts checks the same with the real app.
import { randomUUID } from "node:crypto";
import { createServer, get as httpGet, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetClock, setClock } from "../../lib/clock";
import { requestIdFrom } from "../../lib/request-id";
import { createPageCache, type PageCache } from "../../scripts/page-cache/page-cache";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

const SECRET = "page-cache-test-secret-0123456789abcdef";
const COOKIE = "authjs.session-token";

interface Render {
  status: number;
  extraCookie?: string;
  errorBoundary?: boolean;
  /** the response is written in this many pieces (Next streams) */
  pieces: number;
  /** the render waits for this before answering */
  gate?: Promise<void>;
}

describe("page cache", () => {
  let t: TestDatabase;
  let server: Server;
  let cache: PageCache;
  let base: string;
  let renders = 0;
  let render: Render = { status: 200, pieces: 3 };
  const savedSecret = process.env.AUTH_SECRET;

  /** Answers like Next's page render: the nonce in the CSP and in script tags, the request id in a cookie. */
  async function renderLikeNext(req: IncomingMessage, res: ServerResponse): Promise<void> {
    renders += 1;
    await render.gate;
    const nonce = Buffer.from(randomUUID()).toString("base64");
    const requestId = String(req.headers["x-request-id"]);
    res.statusCode = render.status;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    res.setHeader("set-cookie", [
      `tracker-request-id=${requestId}; Path=/; Max-Age=600; SameSite=strict`,
      ...(render.extraCookie ? [render.extraCookie] : []),
    ]);
    const html =
      `<!DOCTYPE html><html><body><p>render #${renders} of ${req.url}</p>` +
      (render.errorBoundary ? `<!--$!--><template data-dgst="123"></template><!--/$-->` : "") +
      `<script nonce="${nonce}">self.__next_f.push([1,"${nonce}"])</script><p>${requestId}</p></body></html>`;
    const size = Math.ceil(html.length / render.pieces);
    for (let i = 0; i < render.pieces - 1; i++) res.write(html.slice(i * size, (i + 1) * size));
    res.end(html.slice((render.pieces - 1) * size));
  }

  async function token(claims: { uid: number; sid?: string }, maxAge = 3600): Promise<string> {
    return encode({
      token: { uid: claims.uid, sv: 1, sid: claims.sid ?? randomUUID() },
      secret: SECRET,
      salt: COOKIE,
      maxAge,
    });
  }

  async function get(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(base + path, { headers: { "accept-encoding": "identity", ...headers } });
    const body = await res.text();
    return { res, body, rendered: /render #(\d+)/.exec(body)?.[1], cached: res.headers.get("x-page-cache") };
  }

  beforeAll(async () => {
    process.env.AUTH_SECRET = SECRET;
    t = await createTestDatabase({ sample: true });
    cache = createPageCache(t.url);
    server = createServer((req, res) => {
      // as scripts/request-observer.ts does before the cache is asked
      const id = requestIdFrom(req.headers["x-request-id"]);
      req.headers["x-request-id"] = id;
      res.setHeader("X-Request-Id", id);
      cache.handle(req, res, () => void renderLikeNext(req, res));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    render = { status: 200, pieces: 3 };
    resetClock();
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await cache.close();
    await t.drop();
    process.env.AUTH_SECRET = savedSecret;
  });

  it("serves a kept page again with this response's own nonce and request id", async () => {
    const cookie = `${COOKIE}=${await token({ uid: 1 })}`;
    const first = await get("/items/1.1.1", { cookie });
    const second = await get("/items/1.1.1", { cookie });
    expect([first.cached, second.cached]).toEqual(["miss", "hit"]);
    expect(second.rendered).toBe(first.rendered);

    const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy")!)![1]!;
    const [n1, n2] = [nonceOf(first.res), nonceOf(second.res)];
    expect(n2).not.toBe(n1);
    expect(second.body).not.toContain(n1);
    expect(second.body.split(n2).length - 1).toBe(2);
    const id2 = second.res.headers.get("x-request-id")!;
    expect(id2).not.toBe(first.res.headers.get("x-request-id"));
    expect(second.body).toContain(`<p>${id2}</p>`);
    expect(second.res.headers.get("set-cookie")).toContain(`tracker-request-id=${id2};`);
    // apart from the two values, the very same bytes
    expect(second.body.replaceAll(n2, "N").replaceAll(id2, "R")).toBe(
      first.body.replaceAll(n1, "N").replaceAll(first.res.headers.get("x-request-id")!, "R"),
    );
  });

  it("keeps pages per session, per address and per language", async () => {
    const a = `${COOKIE}=${await token({ uid: 1 })}`;
    const b = `${COOKIE}=${await token({ uid: 2 })}`;
    const first = await get("/pillars/3", { cookie: a });
    expect((await get("/pillars/3", { cookie: b })).rendered).not.toBe(first.rendered);
    expect((await get("/pillars/3?page=2", { cookie: a })).cached).toBe("miss");
    expect((await get("/pillars/3", { cookie: `${a}; NEXT_LOCALE=en` })).cached).toBe("miss");
    expect((await get("/pillars/3", { cookie: a })).rendered).toBe(first.rendered);
  });

  it("renders anew after a change to the data or to what pages show beside it", async () => {
    const cookie = `${COOKIE}=${await token({ uid: 1 })}`;
    const first = await get("/", { cookie });
    expect((await get("/", { cookie })).cached).toBe("hit");
    await t.db.$executeRaw`UPDATE units SET name = name WHERE id = (SELECT min(id) FROM units)`;
    const afterData = await get("/", { cookie });
    expect(afterData.cached).toBe("miss");
    expect(afterData.rendered).not.toBe(first.rendered);
    expect((await get("/", { cookie })).cached).toBe("hit");
    await t.db.$executeRaw`INSERT INTO app_settings (key, value) VALUES ('page-cache-test', 'x')`;
    expect((await get("/", { cookie })).cached).toBe("miss");
  });

  it("renders anew on another day of the app's clock and after a minute of it", async () => {
    const cookie = `${COOKIE}=${await token({ uid: 1 })}`;
    setClock("2026-03-10T15:00:00+08:00");
    await get("/items", { cookie });
    expect((await get("/items", { cookie })).cached).toBe("hit");
    setClock("2026-03-10T15:00:59+08:00");
    expect((await get("/items", { cookie })).cached).toBe("hit");
    setClock("2026-03-10T15:01:30+08:00");
    expect((await get("/items", { cookie })).cached).toBe("miss");
    setClock("2026-03-10T23:59:50+08:00");
    await get("/items", { cookie });
    setClock("2026-03-11T00:00:10+08:00");
    expect((await get("/items", { cookie })).cached).toBe("miss");
  });

  it("serves the page from a minute ago while its re-render is under way, and no older", async () => {
    const cookie = `${COOKIE}=${await token({ uid: 4 })}`;
    setClock("2026-03-10T10:00:00+08:00");
    const first = await get("/items/7.1.1", { cookie });
    setClock("2026-03-10T10:01:10+08:00");
    let open!: () => void;
    render = { status: 200, pieces: 2, gate: new Promise<void>((resolve) => (open = resolve)) };
    const rerender = get("/items/7.1.1", { cookie });
    await expect.poll(() => renders).toBe(Number(first.rendered) + 1);
    const meanwhile = await get("/items/7.1.1", { cookie });
    expect(meanwhile.cached).toBe("stale");
    expect(meanwhile.rendered).toBe(first.rendered);
    open();
    const fresh = await rerender;
    expect(fresh.cached).toBe("miss");
    expect((await get("/items/7.1.1", { cookie })).rendered).toBe(fresh.rendered);

    // Two minutes past its render, a page is not served even while the next render is under way.
    setClock("2026-03-10T10:03:30+08:00");
    render = { status: 200, pieces: 2, gate: new Promise<void>((resolve) => (open = resolve)) };
    const slow = get("/items/7.1.1", { cookie });
    await expect.poll(() => renders).toBe(Number(fresh.rendered) + 1);
    const waiting = get("/items/7.1.1", { cookie });
    open();
    const [a, b] = await Promise.all([slow, waiting]);
    expect(b.rendered).toBe(a.rendered);
    expect(b.rendered).not.toBe(fresh.rendered);
  });

  it("leaves to the renderer what it must not keep or answer", async () => {
    const cookie = `${COOKIE}=${await token({ uid: 1 })}`;
    const rendersOf = async (path: string, headers: Record<string, string> = {}) => {
      const before = renders;
      await get(path, headers);
      await get(path, headers);
      return renders - before;
    };
    // signed out, a session that is not one, an expired session: never answered from the cache
    expect(await rendersOf("/")).toBe(2);
    expect(await rendersOf("/", { cookie: `${COOKIE}=not-a-token` })).toBe(2);
    expect(await rendersOf("/", { cookie: `${COOKIE}=${await token({ uid: 1 }, -60)}` })).toBe(2);
    // pages not kept, navigations' RSC requests, prefetches
    expect(await rendersOf("/items/import", { cookie })).toBe(2);
    expect(await rendersOf("/periods", { cookie })).toBe(2);
    expect(await rendersOf("/items/2.1.1", { cookie, rsc: "1" })).toBe(2);
    expect(await rendersOf("/items/2.1.2?_rsc=abc", { cookie })).toBe(2);
    expect(await rendersOf("/items/2.1.3", { cookie, "next-router-prefetch": "1" })).toBe(2);
    // answers that are not a whole page for this person to see again
    render = { status: 404, pieces: 1 };
    expect(await rendersOf("/items/9.9.9", { cookie })).toBe(2);
    render = { status: 200, pieces: 2, errorBoundary: true };
    expect(await rendersOf("/items/9.9.8", { cookie })).toBe(2);
    render = { status: 200, pieces: 2, extraCookie: "authjs.session-token=refreshed; Path=/" };
    expect(await rendersOf("/items/9.9.7", { cookie })).toBe(2);
    // a short request id of the client's own could appear in the page by chance
    expect(await rendersOf("/items/9.9.6", { cookie, "x-request-id": "abcdefgh" })).toBe(2);
  });

  it("renders once for many asking at the same time", async () => {
    const cookie = `${COOKIE}=${await token({ uid: 3 })}`;
    render = { status: 200, pieces: 20 };
    const before = renders;
    const answers = await Promise.all(Array.from({ length: 8 }, () => get("/items/5.1.1", { cookie })));
    expect(renders - before).toBe(1);
    expect(new Set(answers.map((a) => a.rendered)).size).toBe(1);
    expect(answers.every((a) => a.res.status === 200)).toBe(true);
  });

  it("compresses a kept page for a client that accepts gzip", async () => {
    const cookie = `${COOKIE}=${await token({ uid: 1 })}`;
    const plain = await get("/pillars/4", { cookie });
    const res = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      // node:http, not fetch: fetch would undo the compression this checks
      httpGet(`${base}/pillars/4`, { headers: { cookie, "accept-encoding": "gzip, br" } }, (r) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () => resolve({ headers: r.headers, body: Buffer.concat(chunks) }));
      }).on("error", reject);
    });
    expect(res.headers["x-page-cache"]).toBe("hit");
    expect(res.headers["content-encoding"]).toBe("gzip");
    const text = gunzipSync(res.body).toString("utf8");
    expect(/render #(\d+)/.exec(text)?.[1]).toBe(plain.rendered);
  });
});
