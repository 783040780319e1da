// Two app instances on one database over the same simulated days (issue 15): each has its own connection pool and
// runs what its job runner runs — the cycle tick (periods, then the chase) and the e-mail delivery — at the same
// moments as the other, as two instances do when both their crontabs fire. Over the chase's walk
// (tests/support/chase-fixture.ts) every reminder, 催办, 督办 and escalation is made once, each person is told once,
// and each mail reaches a real SMTP server on loopback exactly once (counted by Message-ID, parsed back).
// The crash half of "exactly once" (SIGKILL mid-batch, then a restart) is in email.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../lib/dates";
import { deliverEmail } from "../../lib/mail/deliver";
import { createPrismaClient, type Db } from "../../lib/prisma-client";
import { tickCycle } from "../../lib/jobs/tasks/cycle-tick";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { buildChaseWorld, morning, WALK_DAYS, WALK_EXPECTED, type ChaseWorld } from "../support/chase-fixture";
import { fakeBulletinRenderer, fakeSupervisionRenderer } from "../support/fake-renderers";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";

let t: TestDatabase;
let world: ChaseWorld;
let smtp: TestSmtpServer;
const instances: Db[] = [];
const savedEnv = { ...process.env };

beforeAll(async () => {
  t = await createTestDatabase();
  world = await buildChaseWorld(t.db);
  // Everyone takes mail one by one (no digest), at an address named after them.
  for (const [name, id] of Object.entries(world.users))
    await t.db.user.update({ where: { id }, data: { email: `${name}@example.gov.cn` } });
  smtp = await startSmtpServer();
  Object.assign(process.env, { SMTP_URL: smtp.url, MAIL_FROM: "跟踪系统 <noreply@tracker.test>" });
  process.env.APP_URL = "https://tracker.test";
  instances.push(createPrismaClient(t.url, { max: 3 }), createPrismaClient(t.url, { max: 3 }));
}, 180_000);

afterAll(async () => {
  process.env = savedEnv;
  await Promise.all(instances.map((db) => db.$disconnect()));
  await smtp?.stop();
  await t?.drop();
});

/** One minute of one instance's job runner: the cycle tick, then a round of e-mail. */
async function minuteOf(db: Db, at: Date) {
  const tick = await tickCycle({
    client: db,
    render: fakeBulletinRenderer,
    renderSupervision: fakeSupervisionRenderer,
    now: () => at,
  });
  const mail = await deliverEmail(db, at, { batch: 3 });
  return { tick, mail };
}

describe("two instances over the same simulated days", () => {
  it("make each reminder, 催办, 督办 and escalation once and send each mail exactly once", async () => {
    const made: string[] = [];
    for (let day: string = WALK_DAYS.from; day <= WALK_DAYS.to; day = addDays(day, 1)) {
      // Both instances' minutes at 09:00 and 09:01, at once; the mail queued at 09:00 goes out then or at 09:01.
      for (const minute of [0, 1]) {
        const at = new Date(morning(day).getTime() + minute * 60_000);
        const [one, two] = await Promise.all([minuteOf(instances[0]!, at), minuteOf(instances[1]!, at)]);
        expect(one.mail, "e-mail is on").not.toBeNull();
        expect(two.mail, "e-mail is on").not.toBeNull();
        expect([one.mail!.failed, two.mail!.failed, one.mail!.uncertain, two.mail!.uncertain]).toEqual([0, 0, 0, 0]);
        made.push(...[...one.tick.made, ...two.tick.made].map((m) => `${day} ${world.describeMade(m)}`));
      }
      await world.acts[day]?.();
    }
    const expected = Object.entries(WALK_EXPECTED).flatMap(([day, lines]) => lines.map((l) => `${day} ${l}`));
    expect(made.sort()).toEqual(expected.sort());

    // Each person told once per thing, and each of those notifications mailed exactly once.
    const told = expected.reduce((n, line) => n + line.split(" ")[3]!.split(",").length, 0);
    expect(await t.db.notification.count()).toBe(told);
    const outbox = await t.db.emailOutbox.findMany();
    expect(outbox).toHaveLength(told);
    expect(outbox.filter((r) => r.state !== "SENT")).toEqual([]);
    const counts = smtp.countsById();
    expect(counts.size).toBe(told);
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(new Set(outbox.map((r) => r.messageId))).toEqual(new Set(counts.keys()));
    // Parsed back: the 督办 to A reached a1 with its Chinese subject and a link into the app.
    const toA1 = smtp.received.filter((m) => m.envelopeTo.includes("a1@example.gov.cn"));
    expect(toA1.map((m) => m.subject)).toContainEqual(expect.stringContaining("督办通知：川渝督〔2026〕2号"));
    expect(toA1.every((m) => m.text.includes("https://tracker.test/"))).toBe(true);
  }, 900_000);
});
