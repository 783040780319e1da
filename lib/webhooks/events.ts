// The events a webhook may subscribe to, and the body every delivery carries. Kept in the core, so the writes
// that cause events (lib/writes/webhook-events.ts), the sender (deliver.ts) and the admin form share one list.
export const WEBHOOK_EVENTS = [
  "item.changed",
  "report.submitted",
  "report.approved",
  "report.returned",
  "period.closed",
  "supervision.issued",
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Sent only by an administrator's "send a test event", to that one webhook; never subscribed to. */
export const TEST_EVENT = "webhook.test";

export type DeliveredEvent = WebhookEvent | typeof TEST_EVENT;

export function isWebhookEvent(name: string): name is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(name);
}

/** What a receiver gets (JSON): the event id (also in X-Chengyu-Event-Id), its name, when it happened, its data. */
export interface WebhookBody {
  id: string;
  event: DeliveredEvent;
  /** ISO 8601, the time of the change */
  occurredAt: string;
  data: Record<string, unknown>;
}
