// Issue 19, items 4 and 5: Debian's nginx with deploy/nginx.conf (the documented configuration, ports
// substituted) in front of two instances on one PostgreSQL database, as an office would run it:
//  - sign-in, an edit (a progress report) and an export download through nginx, the requests spread over both
//    instances, each under the request id nginx gave it;
//  - uploads up to the app's limit pass nginx (the app answers them itself), bigger ones get nginx's 413;
//  - the client address behind the proxy (TRUST_PROXY=127.0.0.1): sign-in throttling counts per client, not per
//    nginx, and an X-Forwarded-For the client sends itself changes nothing;
//  - a rolling restart (SIGTERM one instance, wait for its exit, start it again; then the other) while a load
//    generator sends requests through nginx: no request fails;
//  - the instances' logs (JSON lines, kept in test-results/nginx/) hold no password, cookie or token the spec used.
// nginx missing is a failure that says how to install it, not a skip. Ports 39622–39639 belong to this spec.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import type ZhCommon from "../../lib/i18n/messages/zh-CN/common.json";
import type ZhCycle from "../../lib/i18n/messages/zh-CN/cycle.json";
import type ZhEditing from "../../lib/i18n/messages/zh-CN/editing.json";
import { THROTTLE } from "../../lib/auth/throttle";
import { HttpSession } from "../../tests/support/http-client";
import { SAMPLE_PASSWORD, signInAs } from "../auth";
import { expect, test } from "../fixtures";
import { catalogue } from "../support/catalogue";
import { createOwnDatabase, startApp, stopApp, untilServing, type AppInstance, type OwnDatabase } from "./app-instance";
import { nginxBinary, startNginx, type Nginx } from "./support/nginx";

const NGINX_PORT = 39622;
const PORT_A = 39623;
const PORT_B = 39624;
const NGINX_URL = `http://127.0.0.1:${NGINX_PORT}`;
const EDITOR = "cq.sthjj";
const METRICS_TOKEN = `nginx-spec-metrics-${Date.now().toString(36)}-token`;
const WRONG_PASSWORD = `Wrong#${Date.now().toString(36)}-pw`;
const LOGS = join(import.meta.dirname, "..", "..", "test-results", "nginx");

const zhCommon = catalogue<typeof ZhCommon>("common");
const zhEditing = catalogue<typeof ZhEditing>("editing");
const zhCycle = catalogue<typeof ZhCycle>("cycle").cycle;

/** Every secret value this spec used or was given (passwords, cookies, tokens): none may reach the logs. */
const secrets = new Set<string>([SAMPLE_PASSWORD, WRONG_PASSWORD, METRICS_TOKEN]);

let database: OwnDatabase;
let nginx: Nginx | undefined;
const instances: Record<"a" | "b", AppInstance | undefined> = { a: undefined, b: undefined };
let starts = 0;

test.describe.configure({ mode: "serial", timeout: 180_000 });
test.use({ baseURL: NGINX_URL });

/** An instance whose output also goes, line by line, to a file of this spec's log folder. */
async function startInstance(name: "a" | "b"): Promise<AppInstance> {
  const file = join(LOGS, `instance-${name}-${++starts}.log`);
  const app = startApp(name === "a" ? PORT_A : PORT_B, database.url, true, {
    TRUST_PROXY: "127.0.0.1",
    METRICS_TOKEN,
    SHUTDOWN_GRACE_MS: "20000",
  });
  app.child.stdout!.on("data", (d: Buffer) => appendFileSync(file, d));
  app.child.stderr!.on("data", (d: Buffer) => appendFileSync(file, d));
  instances[name] = app;
  await untilServing(app);
  return app;
}

/** The JSON request lines an instance wrote (`npm start`'s request observer). */
function requestLines(app: AppInstance): { requestId: string; method: string; route: string; status: number }[] {
  return app
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{") && l.includes('"msg":"request"'))
    .map((l) => JSON.parse(l) as { requestId: string; method: string; route: string; status: number });
}

test.beforeAll(async () => {
  test.setTimeout(420_000);
  nginxBinary(); // fails first, with how to install it
  rmSync(LOGS, { recursive: true, force: true });
  mkdirSync(LOGS, { recursive: true });
  database = await createOwnDatabase("rel_nginx");
  await startInstance("a");
  // B starts on the database A migrated and seeded, as a second instance does.
  await startInstance("b");
  nginx = await startNginx(NGINX_PORT, [PORT_A, PORT_B], join(LOGS, "nginx"));
});

test.afterAll(async () => {
  await nginx?.stop();
  for (const app of Object.values(instances)) if (app) await stopApp(app);
  await database?.drop();
});

async function fillUpdate(page: Page, note: string) {
  await page.getByLabel(zhEditing.editing.update.status).selectOption("IN_PROGRESS");
  await page.getByLabel(zhEditing.editing.update.progress).fill("55");
  await page.getByRole("radio", { name: zhCommon.confidence.AMBER }).check();
  await page.getByLabel(zhEditing.editing.update.note).fill(note);
}

test("sign-in, an edit and an export through nginx, served by both instances under nginx's request ids", async ({
  page,
}) => {
  const [item] = await database.query<{ id: number; code: string }>(
    `SELECT i.id, i.code FROM items i JOIN users u ON u.unit_id = i.lead_unit_id
      WHERE u.login_name = $1 AND i.retired_at IS NULL AND i.level = 'ACTION' ORDER BY i.code LIMIT 1`,
    [EDITOR],
  );
  expect(item, "the sample data gives the editor's unit an item").toBeDefined();
  const before = { a: requestLines(instances.a!).length, b: requestLines(instances.b!).length };

  await signInAs(page, EDITOR);
  const cookies = await page.context().cookies();
  for (const cookie of cookies) if (/(session|csrf)-token$/.test(cookie.name)) secrets.add(cookie.value);
  expect(cookies.find((c) => c.name === "authjs.session-token")?.value.length).toBeGreaterThan(100);

  // the edit: a progress report, written by a server action through nginx (Origin and Host must agree)
  const note = `经 nginx 填报 ${Date.now()}`;
  await page.goto(`/items/${item!.code}/update`);
  await fillUpdate(page, note);
  await page.getByRole("button", { name: zhCycle.form.submit }).click();
  await expect(page.getByTestId("open-report").filter({ hasText: note })).toHaveAttribute("data-state", "SUBMITTED");
  const written = await database.query<{ state: string }>(
    `SELECT state::text FROM progress_updates WHERE item_id = $1 AND note = $2`,
    [item!.id, note],
  );
  expect(written).toEqual([{ state: "SUBMITTED" }]);

  // the export: the whole portfolio as XLSX, downloaded with the browser's session
  const xlsx = await page.request.get("/api/reports?scope=all&format=xlsx");
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  const body = await xlsx.body();
  expect(body.subarray(0, 2).toString()).toBe("PK");
  expect(body.length).toBeGreaterThan(20_000);

  // nginx's request id is the app's: in the response header, nginx's access log and one instance's log line
  const id = xlsx.headers()["x-request-id"];
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  await expect.poll(() => nginx!.accessLog()).toContain(`rid=${id}`);
  const servedByNow = () =>
    (["a", "b"] as const).filter((n) => requestLines(instances[n]!).some((l) => l.requestId === id));
  // The instance's line reaches its captured stdout a moment after nginx has logged the response: wait for it.
  await expect.poll(() => servedByNow().length).toBe(1);
  const servedBy = servedByNow();
  expect(requestLines(instances[servedBy[0]!]!).find((l) => l.requestId === id)).toMatchObject({
    route: "/api/reports",
    status: 200,
  });
  // round robin: both instances served this person's pages and actions (one session, two processes)
  expect(requestLines(instances.a!).length).toBeGreaterThan(before.a);
  expect(requestLines(instances.b!).length).toBeGreaterThan(before.b);

  // metrics through the proxy: only with the token
  expect((await fetch(`${NGINX_URL}/api/metrics`)).status).toBe(403);
  const metrics = await fetch(`${NGINX_URL}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(metrics.status).toBe(200);
  expect(await metrics.text()).toContain("tracker_http_requests_total");
});

test("uploads up to the app's limit reach the app; bigger ones get nginx's 413", async () => {
  const post = (size: number) =>
    fetch(`${NGINX_URL}/api/evidence`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", origin: NGINX_URL },
      body: new Uint8Array(size),
    });
  // 20 MB, the largest evidence file: nginx passes it on and the app answers (signed out: 401)
  const allowed = await post(20 * 1024 * 1024);
  await allowed.arrayBuffer();
  expect(allowed.status).toBe(401);
  expect(allowed.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  const refused = await post(45 * 1024 * 1024).catch((error: Error) => error);
  if (refused instanceof Error) {
    // nginx may answer before the whole body is sent and close the connection under the client
    expect(nginx!.errorLog()).toContain("client intended to send too large body");
  } else {
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain("nginx");
  }
});

interface Answer {
  status: number;
  location: string;
  cookies: string[];
  body: string;
}

/** A request through nginx from the loopback address `from` (127.0.0.2, 127.0.0.3…), as another machine would. */
function requestFrom(
  from: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port: NGINX_PORT, localAddress: from, method, path, headers },
      (res) => {
        let text = "";
        res.on("data", (d: Buffer) => (text += d.toString()));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            location: String(res.headers.location ?? ""),
            cookies: res.headers["set-cookie"] ?? [],
            body: text,
          }),
        );
      },
    );
    req.once("error", reject);
    req.end(body);
  });
}

/** Auth.js's credentials sign-in from `from`; returns the session cookie when signed in. */
async function signInFrom(
  from: string,
  loginName: string,
  password: string,
  forwardedFor?: string,
): Promise<string | undefined> {
  const spoof: Record<string, string> = forwardedFor ? { "x-forwarded-for": forwardedFor } : {};
  const csrf = await requestFrom(from, "GET", "/api/auth/csrf", spoof);
  expect(csrf.status).toBe(200);
  const csrfToken = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const cookie = csrf.cookies.map((c) => c.split(";")[0]).join("; ");
  secrets.add(csrfToken);
  for (const c of csrf.cookies) if (c.startsWith("authjs.csrf-token=")) secrets.add(c.split(";")[0]!.slice(18));
  const answer = await requestFrom(
    from,
    "POST",
    "/api/auth/callback/credentials",
    { ...spoof, cookie, origin: NGINX_URL, "content-type": "application/x-www-form-urlencoded" },
    new URLSearchParams({ csrfToken, loginName, password, callbackUrl: "/" }).toString(),
  );
  expect(answer.status).toBe(302);
  const session = answer.cookies.find((c) => c.startsWith("authjs.session-token="));
  const value = session?.split(";")[0]!.slice("authjs.session-token=".length);
  if (value) secrets.add(value);
  return value || undefined;
}

test("sign-in throttling counts per client behind nginx, and a client's own X-Forwarded-For changes nothing", async () => {
  // a failed sign-in from 127.0.0.2 that claims to come from elsewhere is recorded under 127.0.0.2
  const probe = `nginx.probe.${Date.now()}`;
  expect(await signInFrom("127.0.0.2", probe, WRONG_PASSWORD, "203.0.113.50")).toBeUndefined();
  expect(await database.query(`SELECT ip, succeeded FROM sign_in_attempts WHERE login_name = $1`, [probe])).toEqual([
    { ip: "127.0.0.2", succeeded: false },
  ]);

  // 127.0.0.2 has made as many failed attempts as one address may (on other accounts): it is throttled, even
  // with the right password and another claimed address; 127.0.0.3, behind the same nginx, is not
  await database.query(
    `INSERT INTO sign_in_attempts (login_name, ip, succeeded, created_at)
     SELECT 'nginx.flood.' || n, '127.0.0.2', false, now() FROM generate_series(1, $1::int) n`,
    [THROTTLE.perAddress],
  );
  expect(await signInFrom("127.0.0.2", EDITOR, SAMPLE_PASSWORD, "198.51.100.9")).toBeUndefined();
  expect(await signInFrom("127.0.0.3", EDITOR, SAMPLE_PASSWORD)).toBeDefined();
  const recent = await database.query<{ ip: string; succeeded: boolean }>(
    `SELECT ip, succeeded FROM sign_in_attempts WHERE login_name = $1 ORDER BY id DESC LIMIT 1`,
    [EDITOR],
  );
  expect(recent).toEqual([{ ip: "127.0.0.3", succeeded: true }]);
});

interface Load {
  total: number;
  failed: { path: string; status: number | string }[];
  /** requests started while an instance was stopping or starting */
  duringRestart: number;
}

/** Signed-in readers through nginx, `workers` at a time, until `stop` — every answer must be the page, whole. */
function loadGenerator(session: HttpSession, paths: string[], workers: number, restarting: () => boolean) {
  const load: Load = { total: 0, failed: [], duringRestart: 0 };
  let running = true;
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let i = w; running; i++) {
      const path = paths[i % paths.length]!;
      if (restarting()) load.duringRestart++;
      load.total++;
      try {
        const res = await session.fetch(path);
        const text = await res.text();
        const whole = path.startsWith("/api/") ? text.includes('"ok"') : text.includes("</html>");
        if (res.status !== 200 || !whole) load.failed.push({ path, status: res.status });
      } catch (error) {
        load.failed.push({ path, status: (error as Error).message });
      }
    }
  });
  return {
    load,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

test("a rolling restart behind nginx loses no request", async () => {
  test.setTimeout(600_000);
  const reader = new HttpSession(NGINX_URL);
  await reader.signIn("leader", SAMPLE_PASSWORD);
  secrets.add(reader.sessionToken()!);
  const [item] = await database.query<{ code: string }>(
    `SELECT code FROM items WHERE level = 'ACTION' AND retired_at IS NULL ORDER BY code LIMIT 1`,
  );
  const paths = ["/api/health", `/items/${item!.code}`, "/items", "/api/health", "/periods"];
  let restarting = false;
  const generator = loadGenerator(reader, paths, 3, () => restarting);
  const phases: Record<string, number> = {};

  for (const name of ["a", "b"] as const) {
    // some load on both before each restart
    const mark = generator.load.total;
    await expect.poll(() => generator.load.total, { timeout: 60_000 }).toBeGreaterThan(mark + 10);
    restarting = true;
    const atStop = generator.load.total;
    const old = instances[name]!;
    const exited = new Promise<number | null>((resolve) => old.child.once("exit", (code) => resolve(code)));
    await stopApp(old);
    expect(await exited, `instance ${name} exits 0 after its drain`).toBe(0);
    expect(old.output()).toMatch(/stopping/);
    phases[`${name}: stopped`] = generator.load.total - atStop;
    const app = await startInstance(name);
    // back in the rotation: nginx sends it the generator's requests again
    await expect
      .poll(() => requestLines(app).filter((l) => l.route !== "unmatched").length, { timeout: 60_000 })
      .toBeGreaterThan(3);
    restarting = false;
    phases[`${name}: stopped → serving again`] = generator.load.total - atStop;
  }
  await generator.stop();

  const retried = nginx!
    .accessLog()
    .split("\n")
    .filter((l) => /upstream_status=\d{3}, /.test(l)).length;
  const report = {
    requests: generator.load.total,
    duringRestarts: generator.load.duringRestart,
    failed: generator.load.failed.length,
    retriedByNginx: retried,
    ...phases,
  };
  console.log(`rolling restart: ${JSON.stringify(report)}`);
  test.info().annotations.push({ type: "rolling restart", description: JSON.stringify(report) });
  expect(generator.load.failed, JSON.stringify(generator.load.failed.slice(0, 10))).toEqual([]);
  expect(generator.load.duringRestart).toBeGreaterThan(20);
});

test("the instances' logs hold no password, cookie or token the spec used", async () => {
  // requests that put secrets where a careless log would copy them: query strings, headers, a failed sign-in
  await fetch(`${NGINX_URL}/api/health?password=${encodeURIComponent(WRONG_PASSWORD)}&token=${METRICS_TOKEN}`);
  await fetch(`${NGINX_URL}/api/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}x`, cookie: `authjs.session-token=${WRONG_PASSWORD}` },
  });
  secrets.add(`${METRICS_TOKEN}x`);
  expect(await signInFrom("127.0.0.4", EDITOR, WRONG_PASSWORD)).toBeUndefined();

  const files = readdirSync(LOGS).filter((f) => f.startsWith("instance-"));
  expect(files.length).toBe(4); // a, b, and each once more after its restart
  const text = files.map((f) => readFileSync(join(LOGS, f), "utf8")).join("\n");
  const json = text.split("\n").filter((l) => l.startsWith("{"));
  expect(json.length, "the logs carry the run's request lines").toBeGreaterThan(200);
  for (const line of json) expect(() => JSON.parse(line), line).not.toThrow();
  const found = [...secrets].filter((s) => s.length >= 8 && text.includes(s));
  expect(found.map((s) => `${s.slice(0, 6)}…`)).toEqual([]);
  expect(secrets.size).toBeGreaterThan(8);
});
