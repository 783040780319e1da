// E-mail through a real SMTP server on loopback, parsed back with mailparser: the mail of a notification is
// queued in the notification's own transaction for those who take mail one by one, the daily digest once per
// person and day, and the outbox is sent exactly once — by two senders racing over it, and across a sender
// killed with SIGKILL in the middle of a batch and restarted.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "../../lib/prisma-client";
import { queueDigests } from "../../lib/mail/digest";
import { LEASE_MS, sendPendingEmails } from "../../lib/mail/outbox";
import { smtpTransport, type MailTransport } from "../../lib/mail/transport";
import { notify, type NotifyInput } from "../../lib/writes/notifications";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { startSmtpServer, until, type TestSmtpServer } from "../support/smtp-server";

const APP = "https://tracker.test";
const FROM = "跟踪系统 <noreply@tracker.test>";
const AT = new Date("2031-03-20T02:00:00Z"); // 10:00 in China, Thursday 20 March 2031

let t: TestDatabase;
let smtp: TestSmtpServer;
let transport: MailTransport;
const users: Record<string, number> = {};
let serial = 0;

async function person(
  name: string,
  settings: { email?: string | null; emailOptOut?: boolean; emailDigest?: boolean } = {},
): Promise<number> {
  const u = await t.db.user.create({
    data: {
      loginName: `${name}.${++serial}`,
      displayName: name,
      passwordHash: "!",
      role: "EDITOR",
      email: settings.email === undefined ? `${name}.${serial}@example.gov.cn` : settings.email,
      emailOptOut: settings.emailOptOut ?? false,
      emailDigest: settings.emailDigest ?? false,
    },
  });
  return u.id;
}

const urge = (userIds: number[], key: string, at = AT): NotifyInput => ({
  userIds,
  kind: "period.urge",
  key,
  params: { period: "2031年3月", unit: "成都市发展和改革委员会", count: 2, deadline: "2031年3月20日" },
  link: "/periods/7",
  at,
});

const send = (db: Db = t.db, now = AT, batch = 50) =>
  sendPendingEmails(db, transport, now, { batch, from: FROM, appUrl: APP });

const outbox = () => t.db.emailOutbox.findMany({ orderBy: { id: "asc" } });

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startSmtpServer();
  transport = smtpTransport(smtp.url, { timeoutMs: 20_000 });
  users.alice = await person("alice");
  users.bob = await person("bob", { emailDigest: true });
  users.carol = await person("carol", { emailOptOut: true });
  users.dave = await person("dave", { email: null });
}, 120_000);

afterAll(async () => {
  await transport?.close();
  await smtp?.stop();
  await t?.drop();
});

beforeEach(async () => {
  await t.db.emailOutbox.deleteMany();
  await t.db.notification.deleteMany();
  smtp.received.length = 0;
  smtp.refuse = () => null;
  smtp.holdAt(null);
});

describe("queueing", () => {
  it("queues a mail with the notification, only for people who take mail one by one, and never twice", async () => {
    const { alice, bob, carol, dave } = users as Record<string, number>;
    await t.db.$transaction((tx) => notify(tx, urge([alice!, bob!, carol!, dave!], "q1"), { email: true }));
    await t.db.$transaction((tx) => notify(tx, urge([alice!, bob!], "q1"), { email: true }));
    const rows = await outbox();
    expect(rows.map((r) => r.userId)).toEqual([alice]);
    expect(rows[0]).toMatchObject({ state: "PENDING", attempts: 0 });
    expect(rows[0]!.messageId).toMatch(/^<[0-9a-f-]{36}@chengyu-tracker\.mail>$/);
  });

  it("queues nothing when the notification's transaction rolls back, or when e-mail is off", async () => {
    await expect(
      t.db.$transaction(async (tx) => {
        await notify(tx, urge([users.alice!], "q2"), { email: true });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const before = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      await t.db.$transaction((tx) => notify(tx, urge([users.alice!], "q3")));
    } finally {
      if (before !== undefined) process.env.SMTP_URL = before;
    }
    expect(await t.db.notification.count()).toBe(1);
    expect(await outbox()).toEqual([]);
  });
});

describe("sending", () => {
  it("mails the notification over SMTP: recipient, Chinese subject and body, the link, the settings link", async () => {
    await t.db.$transaction((tx) => notify(tx, urge([users.alice!], "s1"), { email: true }));
    expect(await send()).toMatchObject({ sent: 1, failed: 0, retrying: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    const [row] = await outbox();
    const alice = await t.db.user.findUniqueOrThrow({ where: { id: users.alice! } });
    expect(mail!.envelopeTo).toEqual([alice.email]);
    expect(mail!.to).toBe(alice.email);
    expect(mail!.messageId).toBe(row!.messageId);
    expect(mail!.subject).toBe("【成渝双城经济圈落实跟踪】到期催办：2031年3月报告今日截止");
    expect(mail!.text).toContain(
      "成都市发展和改革委员会还有 2 个事项的2031年3月进展报告未报送，截止日期为2031年3月20日",
    );
    expect(mail!.text).toContain(`${APP}/periods/7`);
    expect(mail!.text).toContain(`${APP}/account/notifications`);
    expect(mail!.html).toContain(`href="${APP}/periods/7"`);
    expect(mail!.html).toContain(`href="${APP}/account/notifications"`);
    expect(row).toMatchObject({ state: "SENT", recipient: alice.email, attempts: 1, sentAt: AT });
    expect(row!.smtpResponse).toMatch(/^250/);
    // Sent is sent: another run finds nothing to do.
    expect(await send()).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("cancels a queued mail whose reader opted out before it was sent", async () => {
    const erin = await person("erin");
    await t.db.$transaction((tx) => notify(tx, urge([erin], "s2"), { email: true }));
    await t.db.user.update({ where: { id: erin }, data: { emailOptOut: true } });
    expect(await send()).toMatchObject({ sent: 0, cancelled: 1 });
    expect(smtp.received).toEqual([]);
    expect((await outbox())[0]!.state).toBe("CANCELLED");
  });

  it("retries a temporary refusal with backoff and records a permanent one with its error", async () => {
    const temp = await person("temp");
    const perm = await person("perm");
    smtp.refuse = (address) =>
      address.startsWith("temp.")
        ? [451, "try again later"]
        : address.startsWith("perm.")
          ? [550, "no such user"]
          : null;
    await t.db.$transaction((tx) => notify(tx, urge([temp, perm], "s3"), { email: true }));
    expect(await send()).toMatchObject({ sent: 0, retrying: 1, failed: 1 });
    const [tRow, pRow] = await outbox();
    expect(tRow).toMatchObject({ state: "PENDING", attempts: 1, nextAttemptAt: new Date(AT.getTime() + 60_000) });
    expect(tRow!.lastError).toContain("451");
    expect(pRow).toMatchObject({ state: "FAILED", attempts: 1 });
    expect(pRow!.lastError).toContain("550");
    // Not due yet at the same moment; due a minute later, then backing off two minutes.
    expect(await send()).toMatchObject({ sent: 0, retrying: 0 });
    const later = new Date(AT.getTime() + 60_000);
    expect(await send(t.db, later)).toMatchObject({ retrying: 1 });
    expect((await outbox())[0]).toMatchObject({ attempts: 2, nextAttemptAt: new Date(later.getTime() + 120_000) });
    smtp.refuse = () => null;
    expect(await send(t.db, new Date(later.getTime() + 120_000))).toMatchObject({ sent: 1 });
    expect(smtp.received.map((m) => m.envelopeTo[0])).toEqual([
      (await t.db.user.findUniqueOrThrow({ where: { id: temp } })).email,
    ]);
  });
});

describe("the daily digest", () => {
  it("sends one mail per person per day listing that day's notifications, once the day is over", async () => {
    const { alice, bob, carol } = users as Record<string, number>;
    await t.db.$transaction(async (tx) => {
      await notify(tx, urge([alice!, bob!, carol!], "d1"), { email: true });
      await notify(
        tx,
        {
          userIds: [bob!],
          kind: "supervision.issued",
          key: "d2",
          params: {
            number: "川渝督〔2031〕3号",
            unit: "重庆市发展和改革委员会",
            count: 2,
            acknowledgeBy: "2031年3月24日",
            replyBy: "2031年3月31日",
          },
          link: "/items/1.2.3",
          at: new Date("2031-03-20T15:30:00Z"), // 23:30 in China: still the 20th
        },
        { email: true },
      );
      // The 21st in China: the next day's digest.
      await notify(tx, urge([bob!], "d3", new Date("2031-03-20T16:30:00Z")), { email: true });
    });
    // During the day nothing is queued; after it, one digest per person who takes it, however often it runs.
    expect(await queueDigests(t.db, new Date("2031-03-20T15:59:00Z"))).toBe(0);
    const morning = new Date("2031-03-20T16:05:00Z");
    expect(await queueDigests(t.db, morning)).toBe(1);
    expect(await Promise.all([queueDigests(t.db, morning), queueDigests(t.db, morning)])).toEqual([0, 0]);
    const digests = (await outbox()).filter((r) => r.digestDay);
    expect(digests.map((r) => [r.userId, r.digestDay!.toISOString().slice(0, 10)])).toEqual([[bob, "2031-03-20"]]);

    expect(await send(t.db, morning)).toMatchObject({ sent: 2 }); // alice's own mail and bob's digest
    const bobs = smtp.received.filter((m) => m.envelopeTo[0]!.startsWith("bob."));
    expect(bobs).toHaveLength(1);
    expect(bobs[0]!.subject).toBe("【成渝双城经济圈落实跟踪】2031年3月20日通知汇总（2 条）");
    expect(bobs[0]!.text).toContain("到期催办：2031年3月报告今日截止");
    expect(bobs[0]!.text).toContain("督办通知：川渝督〔2031〕3号");
    expect(bobs[0]!.text).toContain(`${APP}/items/1.2.3`);
    expect(bobs[0]!.text).not.toContain("d3");
    // carol opted out: neither a mail nor a digest.
    expect(smtp.received.some((m) => m.envelopeTo[0]!.startsWith("carol."))).toBe(false);
    // The next day's digest comes the day after.
    expect(await queueDigests(t.db, new Date("2031-03-21T16:05:00Z"))).toBe(1);
  });
});

describe("exactly once", () => {
  it("two senders on two database clients racing over one outbox send each mail once", async () => {
    const people = await Promise.all(Array.from({ length: 30 }, (_, i) => person(`race${i}`)));
    await t.db.$transaction((tx) => notify(tx, urge(people, "race"), { email: true }));
    const dbs = [createPrismaClient(t.url, { max: 3 }), createPrismaClient(t.url, { max: 3 })];
    const transports = dbs.map(() => smtpTransport(smtp.url, { timeoutMs: 20_000 }));
    try {
      const batch = (i: number) =>
        sendPendingEmails(dbs[i]!, transports[i]!, AT, { batch: 4, from: FROM, appUrl: APP });
      // A first batch each, together: with 30 queued, each claims 4 whichever claims first, so both take part
      // whatever the timing; then both run until the outbox is empty, racing for the rest.
      const first = await Promise.all([batch(0), batch(1)]);
      expect(first.map((r) => r.sent)).toEqual([4, 4]);
      const perSender = await Promise.all(
        [0, 1].map(async (i) => {
          let sent = first[i]!.sent;
          for (;;) {
            const r = await batch(i);
            sent += r.sent;
            if (r.sent + r.retrying + r.failed + r.cancelled + r.abandoned + r.uncertain === 0) return sent;
          }
        }),
      );
      expect(perSender[0]! + perSender[1]!).toBe(30);
    } finally {
      await Promise.all(transports.map((tr) => tr.close()));
      await Promise.all(dbs.map((db) => db.$disconnect()));
    }
    const rows = await outbox();
    expect(rows.every((r) => r.state === "SENT")).toBe(true);
    const counts = smtp.countsById();
    expect(counts.size).toBe(30);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.messageId))).toEqual(new Set(counts.keys()));
  });

  /** Runs the real sender in a child process; resolves with its exit (code, signal). */
  function sender(now: Date): { child: ChildProcess; exit: Promise<[number | null, NodeJS.Signals | null]> } {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "../support/mail-sender-child.ts"), now.toISOString(), "10"],
      {
        env: { ...process.env, DATABASE_URL: t.url, SMTP_URL: smtp.url },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let err = "";
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    const exit = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on("exit", (code, signal) => {
        if (code) console.error(err);
        resolve([code, signal]);
      }),
    );
    return { child, exit };
  }

  let running: ChildProcess | null = null;
  afterEach(() => {
    if (running && running.exitCode === null && running.signalCode === null) running.kill("SIGKILL");
    running = null;
  });

  for (const phase of ["rcpt", "data"] as const) {
    it(`a sender killed (SIGKILL) mid-batch ${phase === "rcpt" ? "before" : "after"} a message reached the server, then restarted, sends each mail once`, async () => {
      const people = await Promise.all(Array.from({ length: 8 }, (_, i) => person(`kill${phase}${i}`)));
      await t.db.$transaction((tx) => notify(tx, urge(people, `kill-${phase}`), { email: true }));
      // The 4th message is held: at its RCPT reply (nothing of it sent yet), or at the reply to its final "."
      // (the server has it all). The sender is killed right there.
      smtp.holdAt({ phase, nth: 4 });
      const { child, exit } = sender(AT);
      running = child;
      await until(() => smtp.holding(), "the server to hold the 4th message", 60_000);
      child.kill("SIGKILL");
      expect(await exit).toEqual([null, "SIGKILL"]);

      const afterCrash = await outbox();
      expect(afterCrash.filter((r) => r.state === "SENT")).toHaveLength(3);
      const stuck = afterCrash.filter((r) => r.state === "SENDING" || r.state === "COMMITTING");
      expect(stuck.map((r) => r.state)).toEqual([phase === "rcpt" ? "SENDING" : "COMMITTING"]);
      expect(smtp.received).toHaveLength(phase === "rcpt" ? 3 : 4);

      // Restart: a new sender (another process's work, run here) once the dead sender's lease is over.
      smtp.holdAt(null);
      const restart = new Date(AT.getTime() + LEASE_MS + 1000);
      const report = await send(t.db, restart);
      const rows = await outbox();
      const counts = smtp.countsById();
      expect(
        [...counts.values()].every((n) => n === 1),
        JSON.stringify([...counts]),
      ).toBe(true);
      expect(counts.size).toBe(8);
      expect(new Set(rows.map((r) => r.messageId))).toEqual(new Set(counts.keys()));
      if (phase === "rcpt") {
        // Nothing of it had reached the server: sent again, now.
        expect(report).toMatchObject({ sent: 5, uncertain: 0 });
        expect(rows.every((r) => r.state === "SENT")).toBe(true);
      } else {
        // The server had it (it may have delivered it): never sent again, marked for a person to check.
        expect(report).toMatchObject({ sent: 4 });
        expect(rows.filter((r) => r.state === "UNCERTAIN").map((r) => r.id)).toEqual([stuck[0]!.id]);
        expect(rows.filter((r) => r.state === "SENT")).toHaveLength(7);
      }
    }, 120_000);
  }
});
