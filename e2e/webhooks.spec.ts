// Webhooks end to end (issue 17, item 5), from outside the app: an app and a database of this spec's own, started
// with TEST_CLOCK_FILE, and a receiver on loopback (a node http server on port 0 in this process). An administrator
// registers the receiver in the browser — refused first as a loopback address, then taken with "allow private"
// — and copies the secret shown once; an editor's change reaches the receiver once, signed with that secret. The
// receiver then fails (500) on the next change: the page shows the failed attempt; the spec moves the app's clock
// past the backoff, the app's own every-minute sender retries, and the same event arrives again and is delivered.
// Ports 39670–39679 belong to this spec (the app on 39672).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { verifyWebhookSignature } from "../lib/webhooks/signature";
import { formOf, HttpSession } from "../tests/support/http-client";
import { SAMPLE_PASSWORD } from "./auth";
import { ownApp } from "./support/own-app";

test.describe.configure({ mode: "serial" });
const own = ownApp({ port: 39672, name: "webhooks", clock: true });

const zh = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "lib", "i18n", "messages", "zh-CN", "webhooks.json"), "utf8"),
) as { webhooks: Record<string, unknown> };
function msg(key: string): string {
  const text = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], zh.webhooks);
  if (typeof text !== "string") throw new Error(`no message webhooks.${key}`);
  return text;
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}
const received: Received[] = [];
const answers: number[] = [];
let server: Server;
let receiverUrl: string;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = answers.shift() ?? 200;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), status });
      res.writeHead(status).end(status === 200 ? "ok" : "down for maintenance");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/chengyu-hook`;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const eventIdOf = (r: Received) => r.headers["x-chengyu-event-id"] as string;

test("an administrator registers a loopback receiver; a change arrives signed once, and again after a failure", async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const { app, database, moveClockTo } = own;
  const context = await browser.newContext({ locale: "zh-CN", baseURL: app.url });
  const page = await context.newPage();

  // 1. The administrator registers the receiver: a loopback address is refused until private targets are allowed.
  await page.goto("/login?callbackUrl=%2Fadmin%2Fwebhooks");
  await page.locator('input[name="loginName"]').fill("admin");
  await page.locator('input[name="password"]').fill(SAMPLE_PASSWORD);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg("title"));
  const form = page.getByRole("form", { name: msg("registerHeading") });
  await form.getByLabel(msg("url")).fill("ftp://example.gov.cn/hook");
  await form.getByRole("button", { name: msg("register") }).click();
  await expect(form.locator("#webhook-url-error")).toHaveText(msg("validation.scheme"));
  await expect(form.locator("#webhook-events-error")).toHaveText(msg("validation.noEvents"));

  await form.getByLabel(msg("url")).fill(receiverUrl);
  await form.getByLabel(msg("eventNames.item.changed")).check();
  await form.getByRole("button", { name: msg("register") }).click();
  await expect(form.locator("#webhook-url-error")).toHaveText(msg("errors.address.loopback"));

  await form.getByLabel(msg("eventNames.item.changed")).check();
  await form.getByLabel(msg("allowPrivate")).check();
  await form.getByRole("button", { name: msg("register") }).click();
  await expect(form.getByText(msg("registeredWithSecret"))).toBeVisible();
  const secret = (await page.getByTestId("webhook-secret").locator("code").textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  const hook = page.getByTestId("webhook").filter({ hasText: receiverUrl });
  await expect(hook.getByTestId("webhook-status")).toHaveText(msg("active"));
  // shown once: a reload shows only its last four characters
  await page.reload();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  await expect(hook).toContainText(secret.slice(-4));

  // 2. An editor changes an item of their unit: the receiver gets it once, signed with that secret.
  const [target] = await database.query<{ id: number; code: string; login: string }>(
    `SELECT i.id, i.code, e.login_name AS login FROM items i
       JOIN users e ON e.unit_id = i.lead_unit_id AND e.role = 'EDITOR' AND e.is_sample AND NOT e.disabled
      WHERE i.level = 'ACTION' AND i.retired_at IS NULL
      ORDER BY i.code, e.login_name LIMIT 1`,
  );
  const editor = new HttpSession(app.url);
  await editor.signIn(target!.login, SAMPLE_PASSWORD);
  const edit = async (person: string) => {
    const [{ version }] = (await database.query<{ version: number }>(`SELECT version FROM items WHERE id = $1`, [
      target!.id,
    ])) as [{ version: number }];
    const r = await editor.callAction<{ ok: boolean }>(
      "lib/actions/items.ts",
      "updateItem",
      [
        null,
        formOf({
          itemId: target!.id,
          expectedVersion: version,
          responsiblePerson: person,
          weight: "3",
          startDate: "",
          dueDate: "2030-12-31",
          dueDateReason: "Webhook 验收",
        }),
      ],
      `/items/${target!.code}/edit`,
    );
    expect(r.value, JSON.stringify(r.value)).toMatchObject({ ok: true });
  };
  await edit("推送验收甲");
  await expect.poll(() => received.length, { timeout: 60_000 }).toBe(1);
  const first = received[0]!;
  expect(first.headers["x-chengyu-event"]).toBe("item.changed");
  expect(verifyWebhookSignature(secret, first.headers["x-chengyu-signature"] as string, first.body)).toBe(true);
  expect(verifyWebhookSignature(`${secret}!`, first.headers["x-chengyu-signature"] as string, first.body)).toBe(false);
  expect(JSON.parse(first.body)).toMatchObject({
    id: eventIdOf(first),
    event: "item.changed",
    data: { itemId: target!.id, code: target!.code, changedFields: expect.arrayContaining(["responsiblePerson"]) },
  });
  await page.reload();
  await expect(hook.getByTestId("webhook-delivery").first().getByTestId("webhook-delivery-state")).toHaveText(
    msg("states.DELIVERED"),
  );

  // 3. The receiver fails the next one: the failed attempt shows, and the delivery waits for its backoff.
  answers.push(500);
  await edit("推送验收乙");
  await expect.poll(() => received.length, { timeout: 60_000 }).toBe(2);
  expect(received[1]!.status).toBe(500);
  const failedId = eventIdOf(received[1]!);
  await expect
    .poll(
      async () =>
        (
          await database.query<{ state: string; attempts: number; code: number | null }>(
            `SELECT state::text, attempts, last_response_code AS code FROM webhook_deliveries WHERE event_id = $1`,
            [failedId],
          )
        )[0],
      { timeout: 30_000 },
    )
    .toEqual({ state: "PENDING", attempts: 1, code: 500 });
  await page.reload();
  const latest = hook.getByTestId("webhook-delivery").first();
  await expect(latest.getByTestId("webhook-delivery-state")).toHaveText(msg("states.PENDING"));
  await expect(latest).toContainText("500");

  // 4. Past the backoff (the app's clock moved 2 minutes on), the app's every-minute sender sends it again.
  moveClockTo(new Date(Date.now() + 2 * 60_000 + 5_000).toISOString());
  await expect.poll(() => received.length, { timeout: 150_000, intervals: [1_000] }).toBe(3);
  const retry = received[2]!;
  expect(eventIdOf(retry)).toBe(failedId);
  expect(retry.body).toBe(received[1]!.body);
  expect(retry.status).toBe(200);
  expect(
    verifyWebhookSignature(secret, retry.headers["x-chengyu-signature"] as string, retry.body, {
      now: new Date(Date.now() + 2 * 60_000),
    }),
  ).toBe(true);
  await page.reload();
  await expect(latest.getByTestId("webhook-delivery-state")).toHaveText(msg("states.DELIVERED"));
  const [row] = await database.query<{ state: string; attempts: number; log: number }>(
    `SELECT d.state::text, d.attempts,
            (SELECT count(*)::int FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id) AS log
       FROM webhook_deliveries d WHERE d.event_id = $1`,
    [failedId],
  );
  expect(row).toEqual({ state: "DELIVERED", attempts: 2, log: 2 });
  // each event was delivered successfully exactly once
  const delivered = received.filter((r) => r.status === 200).map(eventIdOf);
  expect(new Set(delivered).size).toBe(delivered.length);
  await context.close();
});
