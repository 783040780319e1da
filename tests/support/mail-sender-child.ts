// A separate process running the real sender, for the crash test (tests/integration/email.test.ts): it sends one
// batch of the outbox of DATABASE_URL through SMTP_URL at the moment given as its argument, and is killed with
// SIGKILL somewhere in the middle.
import { createPrismaClient } from "../../lib/prisma-client";
import { sendPendingEmails } from "../../lib/mail/outbox";
import { smtpTransport } from "../../lib/mail/transport";

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
const transport = smtpTransport(process.env.SMTP_URL!);
const report = await sendPendingEmails(db, transport, new Date(process.argv[2]!), {
  batch: Number(process.argv[3] ?? 10),
  from: "跟踪系统 <noreply@tracker.test>",
  appUrl: "https://tracker.test",
});
process.stdout.write(`${JSON.stringify(report)}\n`);
await transport.close();
await db.$disconnect();
