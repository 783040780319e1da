// The one way a write announces an event to webhooks: emitWebhookEvent(tx, event, data, at), called inside the
// transaction of the change itself (item-change.ts, reports.ts, period-close.ts, chase.ts). It writes one
// webhook_deliveries row per active webhook subscribed to the event and enqueues the sender on the job queue, in
// that same transaction — an outbox: the delivery exists if and only if the change commits, so a rolled-back
// write sends nothing, and a committed one is sent even if the app stops right after (lib/webhooks/deliver.ts).
import { randomUUID } from "node:crypto";
import { now } from "../clock";
import type { Prisma } from "../generated/prisma/client";
import { WEBHOOK_QUEUE } from "../jobs/crontab";
import { enqueue } from "../jobs/enqueue";
import type { DeliveredEvent, WebhookBody, WebhookEvent } from "../webhooks/events";

type Tx = Prisma.TransactionClient;

/** Transactions that have enqueued the sender already: one job per transaction, however many events it makes. */
const enqueuedIn = new WeakSet<object>();

/** Writes the deliveries of one event to `webhookIds` and enqueues the sender (once per transaction). */
export async function queueDeliveries(
  tx: Tx,
  webhookIds: number[],
  event: DeliveredEvent,
  data: Record<string, unknown>,
  at: Date,
): Promise<string | null> {
  if (webhookIds.length === 0) return null;
  const eventId = randomUUID();
  const body: WebhookBody = { id: eventId, event, occurredAt: at.toISOString(), data };
  const queuedAt = now();
  await tx.webhookDelivery.createMany({
    data: webhookIds.map((webhookId) => ({
      webhookId,
      event,
      eventId,
      payload: body as unknown as Prisma.InputJsonValue,
      nextAttemptAt: queuedAt,
      createdAt: queuedAt,
      updatedAt: queuedAt,
    })),
  });
  if (!enqueuedIn.has(tx)) {
    enqueuedIn.add(tx);
    await enqueue(tx, "webhook-deliver", {}, { queueName: WEBHOOK_QUEUE, maxAttempts: 3 });
  }
  return eventId;
}

/**
 * Announces `event` (with `data`, at the change's time `at`) to every active webhook subscribed to it, in the
 * caller's transaction. Costs one indexed query when no webhook wants it. Answers the event id, or null.
 */
export async function emitWebhookEvent(
  tx: Tx,
  event: WebhookEvent,
  data: Record<string, unknown>,
  at: Date,
): Promise<string | null> {
  const hooks = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM webhooks WHERE active AND ${event} = ANY(events) ORDER BY id`;
  return queueDeliveries(
    tx,
    hooks.map((h) => h.id),
    event,
    data,
    at,
  );
}
