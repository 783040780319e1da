// The one call the job runner makes for e-mail (every minute): queue the digests of finished days, then send
// what is due. Does nothing when SMTP_URL is not set.
import { mailEnv } from "../env";
import type { Db } from "../prisma-client";
import { queueDigests } from "./digest";
import { sendPendingEmails, type SendReport } from "./outbox";
import { smtpTransport } from "./transport";

export async function deliverEmail(
  db: Db,
  now: Date,
  { batch = 50 }: { batch?: number } = {},
): Promise<(SendReport & { digestsQueued: number }) | null> {
  const mail = mailEnv();
  if (!mail.smtpUrl) return null;
  const digestsQueued = await queueDigests(db, now);
  const transport = smtpTransport(mail.smtpUrl);
  try {
    const report = await sendPendingEmails(db, transport, now, { batch, from: mail.from, appUrl: mail.appUrl });
    return { ...report, digestsQueued };
  } finally {
    await transport.close();
  }
}
