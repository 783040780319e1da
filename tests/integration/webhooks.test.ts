// Webhooks (issue 17, item 5) against a real database and a real receiver on loopback (a node http server on
// port 0, allowed as a private target): a committed write gives exactly one signed delivery, sent by the job
// queue, and a rolled-back write none; a receiver that fails gets the same event again once the moved clock has
// passed the backoff, and then never again; registration and every attempt refuse private, loopback,
// link-local and IPv4-in-IPv6 addresses without allow-private (also when DNS changes after registration); the
// form says what is wrong with bad input. No sleeps: the clock is moved, waits poll a condition with a deadline.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { now, resetClock, setClock } from "@/lib/clock";
import { startJobRunner, type JobRunner } from "@/lib/jobs/runner";
import { MESSAGE_FILES } from "@/lib/i18n/messages";
import { changeItem } from "@/lib/writes/item-change";
import { approve, reportContent, submitNow } from "@/lib/writes/reports";
import { registerWebhook as registerWrite } from "@/lib/writes/webhooks";
import type { Resolver } from "@/lib/webhooks/address";
import { sendPendingWebhooks, webhookBackoffMs } from "@/lib/webhooks/deliver";
import { verifyWebhookSignature } from "@/lib/webhooks/signature";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { sampleAccount, type TestAccount } from "../support/actors";
import { fakeBulletinRenderer, fakeSupervisionRenderer } from "../support/fake-renderers";
import { form } from "../support/form-data";
import { signIn, signOut } from "../support/session";
import { pollUntil } from "../support/poll";

type Actions = typeof import("@/lib/actions/webhooks");
type Answer = {
  ok: boolean;
  code?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  data?: { id: number; secret: string | null };
};

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let t: TestDatabase;
let actions: Actions;
let admin: TestAccount;
let editor: TestAccount;
let server: Server;
let base: string;
const received: Received[] = [];
/** what the receiver answers next (then 200) */
const answers: number[] = [];
const runners: JobRunner[] = [];

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  actions = await import("@/lib/actions/webhooks");
  admin = await sampleAccount(t.db, { role: "ADMIN" });
  editor = await sampleAccount(t.db, { role: "EDITOR", unitId: { not: null } });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = answers.shift() ?? 200;
      res.writeHead(status, { "Content-Type": "text/plain" }).end(status === 200 ? "ok" : "receiver failed");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  resetClock();
  signOut();
  answers.length = 0;
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  // each test registers its own webhooks
  await t.db.webhook.deleteMany({});
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.drop();
});

const until = <T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000) =>
  pollUntil(t.db, what, check, timeoutMs);

async function register(fields: Record<string, string | string[] | undefined>): Promise<Answer> {
  signIn(admin);
  return (await actions.registerWebhook(null, form(fields))) as Answer;
}

/** Registers a loopback receiver (allowed private) for `events`; answers its id and generated secret. */
async function receiver(path: string, events: string[]): Promise<{ id: number; secret: string }> {
  const r = await register({ url: `${base}${path}`, events, allowPrivate: "on" });
  expect(r).toMatchObject({ ok: true, message: "webhooks.registeredWithSecret" });
  return { id: r.data!.id, secret: r.data!.secret! };
}

async function anItem(): Promise<{ id: number; version: number; code: string }> {
  return t.db.item.findFirstOrThrow({
    where: { level: "ACTION", retiredAt: null, leadUnitId: editor.unitId },
    orderBy: { id: "asc" },
    select: { id: true, version: true, code: true },
  });
}

const change = (itemId: number, person: string) =>
  t.db.$transaction((tx) =>
    changeItem(tx, itemId, { action: "UPDATE", fields: { responsiblePerson: person } }, { actorId: admin.id }),
  );

const jobsWaiting = async () =>
  Number(
    (
      await t.db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'webhook-deliver'`
    )[0]!.n,
  );

const deliveriesOf = (webhookId: number) =>
  t.db.webhookDelivery.findMany({ where: { webhookId }, orderBy: { id: "asc" }, include: { attemptsLog: true } });

const bodiesFor = (path: string) => received.filter((r) => r.path === path);

describe("a write and its delivery", () => {
  it("a committed change reaches the receiver once, signed, through the job queue", async () => {
    const hook = await receiver("/once", ["item.changed"]);
    const item = await anItem();
    const before = await jobsWaiting();
    const result = await change(item.id, `联系人 ${Date.now()}`);
    // the delivery and the sender's job were written with the change
    expect(await jobsWaiting()).toBe(before + 1);
    const [queued] = await deliveriesOf(hook.id);
    expect(queued).toMatchObject({ event: "item.changed", state: "PENDING", attempts: 0 });

    runners.push(
      await startJobRunner({
        connectionString: t.url,
        deps: { db: t.db, now, renderBulletin: fakeBulletinRenderer, renderSupervision: fakeSupervisionRenderer },
        cron: [],
        tickAtStart: false,
      }),
    );
    const [got] = await until("the delivery", async () => bodiesFor("/once").length > 0 && bodiesFor("/once"));
    await until("the delivery to be recorded", async () => (await deliveriesOf(hook.id))[0]!.state === "DELIVERED");

    const body = JSON.parse(got!.body) as { id: string; event: string; data: Record<string, unknown> };
    expect(body).toMatchObject({
      id: queued!.eventId,
      event: "item.changed",
      data: { itemId: item.id, code: item.code, version: result.version, changedFields: ["responsiblePerson"] },
    });
    expect(got!.headers["x-chengyu-event"]).toBe("item.changed");
    expect(got!.headers["x-chengyu-event-id"]).toBe(queued!.eventId);
    const signature = got!.headers["x-chengyu-signature"] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(hook.secret, signature, got!.body)).toBe(true);
    // the signature covers the body and the secret: a changed byte or another secret does not verify
    expect(verifyWebhookSignature(hook.secret, signature, got!.body.replace("item.changed", "item.changeD"))).toBe(
      false,
    );
    expect(verifyWebhookSignature(`${hook.secret}x`, signature, got!.body)).toBe(false);
    // … nor does an old timestamp (a replay)
    expect(verifyWebhookSignature(hook.secret, signature, got!.body, { now: new Date(Date.now() + 600_000) })).toBe(
      false,
    );

    const [done] = await deliveriesOf(hook.id);
    expect(done).toMatchObject({ state: "DELIVERED", attempts: 1, lastResponseCode: 200, lastError: null });
    expect(done!.attemptsLog).toMatchObject([{ attempt: 1, ok: true, responseCode: 200 }]);
    // nothing more to send, however often the sender runs
    expect(await sendPendingWebhooks(t.db, now())).toMatchObject({ delivered: 0, retrying: 0, failed: 0 });
    expect(bodiesFor("/once")).toHaveLength(1);
  });

  it("a rolled-back change writes no delivery and no job, and sends nothing", async () => {
    const hook = await receiver("/rolled-back", ["item.changed"]);
    const item = await anItem();
    const jobs = await jobsWaiting();
    await expect(
      t.db.$transaction(async (tx) => {
        await changeItem(
          tx,
          item.id,
          { action: "UPDATE", fields: { responsiblePerson: "回滚" } },
          { actorId: admin.id },
        );
        throw new Error("the rest of the write failed");
      }),
    ).rejects.toThrow("the rest of the write failed");
    expect(await deliveriesOf(hook.id)).toEqual([]);
    expect(await jobsWaiting()).toBe(jobs);
    await sendPendingWebhooks(t.db, now());
    expect(bodiesFor("/rolled-back")).toEqual([]);
  });

  it("a webhook hears only its events, and a paused one none", async () => {
    const reports = await receiver("/reports-only", ["report.submitted"]);
    const paused = await receiver("/paused", ["item.changed"]);
    signIn(admin);
    expect(await actions.setWebhookActive(null, form({ webhookId: paused.id, active: "false" }))).toMatchObject({
      ok: true,
    });
    await change((await anItem()).id, `联系人 ${Date.now()}`);
    expect(await deliveriesOf(reports.id)).toEqual([]);
    expect(await deliveriesOf(paused.id)).toEqual([]);
    const audit = await t.db.auditLog.findMany({ where: { targetType: "webhook", targetId: String(paused.id) } });
    expect(audit.map((a) => a.action).sort()).toEqual(["webhook.create", "webhook.pause"]);
  });

  it("report steps are events: submitted, then approved with the item's change", async () => {
    const hook = await receiver("/reports", ["report.submitted", "report.approved", "item.changed"]);
    setClock("2031-03-12T02:00:00Z");
    const item = await anItem();
    const step = await submitNow(t.db, editor, {
      itemId: item.id,
      expectedVersion: item.version,
      content: reportContent({
        status: "IN_PROGRESS",
        progress: 40,
        confidence: "GREEN",
        note: "按计划推进",
        nextSteps: null,
        blockers: null,
        evidenceLinks: [],
      }),
    });
    expect((await deliveriesOf(hook.id)).map((d) => d.event)).toEqual(["report.submitted"]);
    await t.db.$transaction((tx) =>
      approve(tx, admin, { reportId: step.reportId, expectedRevision: step.revision, comment: null }, now()),
    );
    const events = (await deliveriesOf(hook.id)).map((d) => [
      d.event,
      (d.payload as { data: { reportId?: number } }).data.reportId,
    ]);
    expect(events).toEqual([
      ["report.submitted", step.reportId],
      ["item.changed", undefined],
      ["report.approved", step.reportId],
    ]);
  });
});

describe("retries", () => {
  it("a receiver that fails gets the event again after the backoff, then it is delivered once", async () => {
    const hook = await receiver("/flaky", ["item.changed"]);
    const start = new Date("2031-03-12T02:00:00Z");
    setClock(start);
    answers.push(500);
    await change((await anItem()).id, `联系人 ${Date.now()}`);

    expect(await sendPendingWebhooks(t.db, now())).toMatchObject({ delivered: 0, retrying: 1 });
    let [d] = await deliveriesOf(hook.id);
    expect(d).toMatchObject({
      state: "PENDING",
      attempts: 1,
      lastResponseCode: 500,
      lastError: "HTTP 500: receiver failed",
    });
    expect(d!.nextAttemptAt).toEqual(new Date(start.getTime() + webhookBackoffMs(1)));

    // before the backoff has passed: nothing is sent
    setClock(new Date(start.getTime() + webhookBackoffMs(1) - 1000));
    expect(await sendPendingWebhooks(t.db, now())).toMatchObject({ delivered: 0, retrying: 0 });
    expect(bodiesFor("/flaky")).toHaveLength(1);

    setClock(new Date(start.getTime() + webhookBackoffMs(1)));
    expect(await sendPendingWebhooks(t.db, now())).toMatchObject({ delivered: 1 });
    [d] = await deliveriesOf(hook.id);
    expect(d).toMatchObject({ state: "DELIVERED", attempts: 2, lastResponseCode: 200, lastError: null });
    expect(d!.attemptsLog.map((a) => [a.attempt, a.ok, a.responseCode])).toEqual([
      [1, false, 500],
      [2, true, 200],
    ]);
    // the same event both times (receivers dedupe on its id), each attempt signed afresh
    const [first, second] = bodiesFor("/flaky");
    expect(first!.headers["x-chengyu-event-id"]).toBe(second!.headers["x-chengyu-event-id"]);
    expect(first!.body).toBe(second!.body);
    expect(
      verifyWebhookSignature(hook.secret, second!.headers["x-chengyu-signature"] as string, second!.body, {
        now: now(),
      }),
    ).toBe(true);

    setClock(new Date(start.getTime() + 24 * 3_600_000));
    await sendPendingWebhooks(t.db, now());
    expect(bodiesFor("/flaky")).toHaveLength(2);
  });

  it("gives up after the last attempt, and an administrator's redeliver sends it again", async () => {
    const hook = await receiver("/down", ["item.changed"]);
    setClock("2031-03-12T02:00:00Z");
    answers.push(503, 503);
    await change((await anItem()).id, `联系人 ${Date.now()}`);
    await sendPendingWebhooks(t.db, now(), { maxAttempts: 2 });
    setClock(new Date(now().getTime() + webhookBackoffMs(1)));
    expect(await sendPendingWebhooks(t.db, now(), { maxAttempts: 2 })).toMatchObject({ failed: 1 });
    const [failed] = await deliveriesOf(hook.id);
    expect(failed).toMatchObject({ state: "FAILED", attempts: 2, lastResponseCode: 503 });

    signIn(admin);
    expect(await actions.redeliverWebhook(null, form({ deliveryId: failed!.id }))).toMatchObject({ ok: true });
    // a delivery on its way is not redelivered twice
    expect(await actions.redeliverWebhook(null, form({ deliveryId: failed!.id }))).toMatchObject({
      ok: false,
      message: "webhooks.errors.onItsWay",
    });
    expect(await sendPendingWebhooks(t.db, now(), { maxAttempts: 2 })).toMatchObject({ delivered: 1 });
    expect(bodiesFor("/down")).toHaveLength(3);
  });

  it("sends a test event to one webhook", async () => {
    const hook = await receiver("/test-event", ["period.closed"]);
    signIn(admin);
    expect(await actions.sendTestWebhook(null, form({ webhookId: hook.id }))).toMatchObject({ ok: true });
    await sendPendingWebhooks(t.db, now());
    const [got] = bodiesFor("/test-event");
    expect(JSON.parse(got!.body)).toMatchObject({ event: "webhook.test", data: { webhookId: hook.id } });
    expect(verifyWebhookSignature(hook.secret, got!.headers["x-chengyu-signature"] as string, got!.body)).toBe(true);
  });
});

/** URLs refused without allow-private, and the kind of address each names. */
const refused: [string, string][] = [
  ["http://127.0.0.1/hook", "loopback"],
  ["http://127.1.2.3:8080/hook", "loopback"],
  ["http://10.2.3.4/hook", "private"],
  ["http://192.168.1.10/hook", "private"],
  ["http://169.254.169.254/latest/meta-data", "link-local"],
  ["http://100.64.0.1/hook", "cgnat"],
  ["http://0.0.0.0/hook", "unspecified"],
  ["http://[::1]/hook", "loopback"],
  ["http://[::ffff:127.0.0.1]/hook", "mapped"],
  ["http://[fe80::1]/hook", "link-local"],
  ["http://[fd12:3456::1]/hook", "private"],
  ["http://224.0.0.1/hook", "multicast"],
];

describe("SSRF", () => {
  it.each(refused)("refuses %s without allow-private (%s)", async (url, kind) => {
    const before = await t.db.webhook.count();
    expect(await register({ url, events: ["item.changed"] })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { url: [`webhooks.errors.address.${kind}`] },
    });
    expect(await t.db.webhook.count()).toBe(before);
  });

  it("refuses a host name that resolves to loopback (localhost)", async () => {
    const r = await register({ url: `http://localhost:${new URL(base).port}/hook`, events: ["item.changed"] });
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.url?.[0]).toMatch(/^webhooks\.errors\.address\.(loopback|mapped)$/);
    // …and takes it when an administrator allows private targets
    expect(
      await register({
        url: `http://localhost:${new URL(base).port}/hook`,
        events: ["item.changed"],
        allowPrivate: "on",
      }),
    ).toMatchObject({ ok: true });
  });

  it("checks again at each delivery: a name that turns private after registration is not sent to", async () => {
    let answer = "93.184.216.34";
    const resolve: Resolver = async () => [{ address: answer, family: 4 }];
    const { id } = await registerWrite(
      t.db,
      admin,
      {
        url: `http://hooks.example.test:${new URL(base).port}/rebound`,
        secret: null,
        events: ["item.changed"],
        allowPrivate: false,
      },
      now(),
      resolve,
    );
    answer = "127.0.0.1"; // the name now points at the app's own machine
    await change((await anItem()).id, `联系人 ${Date.now()}`);
    expect(await sendPendingWebhooks(t.db, now(), { resolve })).toMatchObject({ retrying: 1 });
    const [d] = await deliveriesOf(id);
    expect(d!.lastError).toMatch(/resolves to 127\.0\.0\.1, a loopback address: refused/);
    expect(d!.attemptsLog).toMatchObject([{ ok: false, responseCode: null }]);
    expect(bodiesFor("/rebound")).toEqual([]);
  });

  it("delivers to a host name through the address it checked (localhost, allowed private)", async () => {
    const r = await register({
      url: `http://localhost:${new URL(base).port}/by-name`,
      events: ["item.changed"],
      allowPrivate: "on",
    });
    expect(r).toMatchObject({ ok: true });
    await change((await anItem()).id, `联系人 ${Date.now()}`);
    expect(await sendPendingWebhooks(t.db, now())).toMatchObject({ delivered: 1 });
    expect(bodiesFor("/by-name")).toHaveLength(1);
  });

  it("does not follow a redirect", async () => {
    const hook = await receiver("/redirect", ["item.changed"]);
    answers.push(302);
    await change((await anItem()).id, `联系人 ${Date.now()}`);
    await sendPendingWebhooks(t.db, now());
    const [d] = await deliveriesOf(hook.id);
    expect(d).toMatchObject({ state: "PENDING", lastResponseCode: 302 });
    expect(d!.lastError).toMatch(/not followed/);
    expect(bodiesFor("/redirect")).toHaveLength(1);
  });
});

describe("the registration form", () => {
  const cases: [string, Record<string, string | string[] | undefined>, Record<string, string[]>][] = [
    ["a bad URL", { url: "not a url", events: ["item.changed"] }, { url: ["webhooks.validation.url"] }],
    ["no URL", { url: "  ", events: ["item.changed"] }, { url: ["validation.required"] }],
    [
      "an ftp URL",
      { url: "ftp://example.gov.cn/x", events: ["item.changed"] },
      { url: ["webhooks.validation.scheme"] },
    ],
    [
      "a javascript: URL",
      { url: "javascript:alert(1)", events: ["item.changed"] },
      { url: ["webhooks.validation.scheme"] },
    ],
    [
      "a URL with a password",
      { url: "https://u:p@example.gov.cn/", events: ["item.changed"] },
      { url: ["webhooks.validation.credentials"] },
    ],
    ["no events", { url: "https://example.gov.cn/hook" }, { events: ["webhooks.validation.noEvents"] }],
    [
      "an unknown event",
      { url: "https://example.gov.cn/hook", events: ["item.deleted"] },
      { events: ["webhooks.validation.unknownEvent"] },
    ],
    [
      "a short secret",
      { url: "https://example.gov.cn/hook", secret: "short", events: ["item.changed"] },
      { secret: ["webhooks.validation.secretShort"] },
    ],
  ];
  it.each(cases)("says what is wrong with %s, next to the field, and writes nothing", async (_what, fields, errors) => {
    const before = await t.db.webhook.count();
    const r = await register(fields);
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(r.fieldErrors).toEqual(errors);
    expect(await t.db.webhook.count()).toBe(before);
  });

  it("has every message of the webhooks in both languages", () => {
    const lookup = (catalogue: Record<string, unknown>, key: string) =>
      key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
    const keys = [
      ...cases.flatMap(([, , e]) => Object.values(e).flat()),
      ...refused.map(([, kind]) => `webhooks.errors.address.${kind}`),
      "webhooks.errors.unresolvable",
      "webhooks.errors.onItsWay",
      "webhooks.errors.paused",
      "webhooks.errors.notFound",
    ];
    for (const locale of ["zh-CN", "en"] as const) {
      const catalogue = Object.assign({}, ...Object.values(MESSAGE_FILES[locale])) as Record<string, unknown>;
      for (const key of keys) expect(typeof lookup(catalogue, key), `${locale} ${key}`).toBe("string");
    }
  });

  it("keeps an entered secret (not shown back) and stores it encrypted", async () => {
    const secret = "receiver-chosen-secret-0123456789";
    const r = await register({ url: `${base}/entered`, secret, events: ["item.changed"], allowPrivate: "on" });
    expect(r).toMatchObject({ ok: true, message: "webhooks.registered", data: { secret: null } });
    const row = await t.db.webhook.findUniqueOrThrow({ where: { id: r.data!.id } });
    expect(row.secretEncrypted).not.toContain(secret);
    expect(row.secretHint).toBe("6789");
    await change((await anItem()).id, `联系人 ${Date.now()}`);
    await sendPendingWebhooks(t.db, now());
    const [got] = bodiesFor("/entered");
    expect(verifyWebhookSignature(secret, got!.headers["x-chengyu-signature"] as string, got!.body)).toBe(true);
  });

  it("refuses everyone but administrators", async () => {
    signIn(editor);
    expect(
      await actions.registerWebhook(
        null,
        form({ url: `${base}/editor`, events: ["item.changed"], allowPrivate: "on" }),
      ),
    ).toMatchObject({ ok: false, code: "forbidden" });
    signOut();
    expect(
      await actions.registerWebhook(null, form({ url: `${base}/nobody`, events: ["item.changed"] })),
    ).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await t.db.webhook.count()).toBe(0);
  });
});
