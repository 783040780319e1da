// The operations surface of a running instance (issue 19), on an instance and database of this spec's own:
// /api/health and /api/ready unauthenticated, /api/metrics only with the token, the request id echoed in the
// X-Request-Id header and found in the JSON log line, and the graceful stop: SIGTERM while a request is in
// flight — the instance stops accepting connections at once, the request still gets its whole answer, and the
// process exits 0. Ports 39573–39579 belong to this spec.
import { connect, type Socket } from "node:net";
import { expect, test } from "../fixtures";
import { createOwnDatabase, startApp, untilServing, type AppInstance, type OwnDatabase } from "./app-instance";
import { parsePrometheusText, sampleValue } from "../../tests/support/prometheus-text";

const PORT = 39573;
const TOKEN = "e2e-metrics-token-7f3a";

test.describe.configure({ mode: "serial" });

let database: OwnDatabase;
let app: AppInstance;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  database = await createOwnDatabase("ops");
  app = startApp(PORT, database.url, false, { METRICS_TOKEN: TOKEN, SHUTDOWN_GRACE_MS: "20000" });
  await untilServing(app);
});

test.afterAll(async () => {
  if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill("SIGKILL");
  await database.drop();
});

test("health, readiness and metrics answer as documented, with request ids", async ({ request }) => {
  const health = await request.get(`${app.url}/api/health`, { headers: { "x-request-id": "e2e-trace-0123456789" } });
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  expect(health.headers()["x-request-id"]).toBe("e2e-trace-0123456789");
  const generated = await request.get(`${app.url}/api/health`, { headers: { "x-request-id": "no good id" } });
  expect(generated.headers()["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);

  // the job runner starts just after the server: ready once it runs
  await expect.poll(async () => (await request.get(`${app.url}/api/ready`)).status(), { timeout: 60_000 }).toBe(200);
  expect(await (await request.get(`${app.url}/api/ready`)).json()).toEqual({
    status: "ok",
    checks: { serving: "ok", database: "ok", migrations: "ok", jobs: "ok" },
  });

  expect((await request.get(`${app.url}/api/metrics`)).status()).toBe(403);
  expect(
    (await request.get(`${app.url}/api/metrics`, { headers: { authorization: "Bearer wrong-token" } })).status(),
  ).toBe(403);
  const metrics = await request.get(`${app.url}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(metrics.status()).toBe(200);
  const families = parsePrometheusText(await metrics.text());
  expect(
    sampleValue(families, "tracker_http_requests_total", { route: "/api/health", method: "GET", status: "200" }),
  ).toBe(2);
  expect(sampleValue(families, "tracker_db_pool_connections", { pool: "app", state: "total" })).toBeGreaterThan(0);

  // the log line of the first request carries its id, as JSON
  const line = app
    .output()
    .split("\n")
    .find((l) => l.includes("e2e-trace-0123456789"));
  expect(line, app.output().slice(-2000)).toBeDefined();
  expect(JSON.parse(line!)).toMatchObject({ requestId: "e2e-trace-0123456789", route: "/api/health", status: 200 });
});

/**
 * A raw HTTP/1.1 request whose body is sent in two parts, so that it stays in flight in between. Its answer is
 * whatever arrived when the server closed the connection (as it does after each response while stopping).
 */
function slowRequest(): { socket: Socket; finish(): void; response: Promise<string> } {
  const body = "loginName=nobody&password=not-the-password";
  const socket = connect(PORT, "127.0.0.1");
  socket.write(
    `POST /login HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
      `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
  );
  let received = "";
  socket.on("data", (d: Buffer) => (received += d.toString()));
  const response = new Promise<string>((resolve, reject) => {
    socket.once("close", () => resolve(received));
    socket.once("error", reject);
  });
  // write, not end: a client that half-closes its side has given up on the answer, as far as Node's server goes
  return { socket, finish: () => void socket.write(body.slice(10)), response };
}

test("SIGTERM: stops accepting, lets the request in flight finish, exits 0", async () => {
  test.setTimeout(120_000);
  const inFlight = slowRequest();
  // the request's headers are in: the server holds it while it waits for the rest of the body
  await expect.poll(async () => (await fetch(`${app.url}/api/health`)).status).toBe(200);
  const exited = new Promise<number | null>((resolve) => app.child.once("exit", (code) => resolve(code)));
  app.child.kill("SIGTERM");
  await expect.poll(() => app.output().includes("stopping"), { timeout: 30_000 }).toBe(true);
  // no new connection is accepted
  await expect
    .poll(
      () =>
        new Promise<string>((resolve) => {
          const probe = connect(PORT, "127.0.0.1");
          probe.once("connect", () => {
            probe.destroy();
            resolve("accepted");
          });
          probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
        }),
      { timeout: 10_000 },
    )
    .toBe("ECONNREFUSED");
  expect(app.child.exitCode).toBeNull();
  // the request in flight is answered in full
  inFlight.finish();
  const response = await inFlight.response;
  expect(response).toMatch(/^HTTP\/1\.1 200 /);
  expect(response).toContain("</html>");
  expect(await exited).toBe(0);
  expect(app.output()).toContain("the requests in flight finished");
});
