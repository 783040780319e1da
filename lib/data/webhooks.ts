import "server-only";
import { requirePermission } from "../auth/session";
import { db } from "../db";
import type { WebhookDeliveryState } from "../generated/prisma/enums";

/** How many of each webhook's latest deliveries the page lists. */
export const DELIVERIES_SHOWN = 10;

export interface WebhookDeliveryRow {
  id: number;
  event: string;
  eventId: string;
  state: WebhookDeliveryState;
  attempts: number;
  lastResponseCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  createdAt: Date;
}

export interface WebhookRow {
  id: number;
  url: string;
  secretHint: string;
  events: string[];
  active: boolean;
  allowPrivate: boolean;
  createdAt: Date;
  createdBy: string | null;
  deliveries: WebhookDeliveryRow[];
}

/** /admin/webhooks: every webhook, newest first, with its latest deliveries (never its secret). */
export async function listWebhooks(): Promise<WebhookRow[]> {
  await requirePermission("webhook:manage");
  const hooks = await db().webhook.findMany({
    orderBy: { id: "desc" },
    select: {
      id: true,
      url: true,
      secretHint: true,
      events: true,
      active: true,
      allowPrivate: true,
      createdAt: true,
      createdBy: { select: { displayName: true } },
      deliveries: {
        orderBy: { id: "desc" },
        take: DELIVERIES_SHOWN,
        select: {
          id: true,
          event: true,
          eventId: true,
          state: true,
          attempts: true,
          lastResponseCode: true,
          lastError: true,
          nextAttemptAt: true,
          deliveredAt: true,
          createdAt: true,
        },
      },
    },
  });
  return hooks.map(({ createdBy, ...h }) => ({ ...h, createdBy: createdBy?.displayName ?? null }));
}
