// Permission-walk cases for the webhook actions (/admin/webhooks, administrators). Each call acts on a webhook of
// its own, made here directly: a loopback receiver nobody listens on, for the rare "period.closed" only, with a
// secret no key decrypts (written by the walk's process, which has no app key) — a delivery to it fails at once
// for good instead of retrying in the background of other tests.
import { randomUUID } from "node:crypto";
import type { Db } from "../../../lib/prisma-client";
import type { ActionCases } from "./types";

async function webhook(db: Db, active: boolean): Promise<number> {
  const at = new Date();
  const hook = await db.webhook.create({
    data: {
      url: "http://127.0.0.1:9/walk",
      secretEncrypted: "v1:walk",
      secretHint: "6789",
      events: ["period.closed"],
      active,
      allowPrivate: true,
      createdAt: at,
      updatedAt: at,
    },
  });
  return hook.id;
}

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

export const webhookCases: ActionCases = {
  registerWebhook: {
    permission: "webhook:manage",
    buildArgs: () => {
      // an IP literal: nothing to resolve, and allowed private since it is loopback
      const f = form({ url: `http://127.0.0.1:9/walk/${randomUUID()}`, secret: "", allowPrivate: "on" });
      f.append("events", "period.closed");
      return [null, f];
    },
  },
  setWebhookActive: {
    permission: "webhook:manage",
    buildArgs: async (ctx) => [null, form({ webhookId: String(await webhook(ctx.db, false)), active: "true" })],
  },
  deleteWebhook: {
    permission: "webhook:manage",
    buildArgs: async (ctx) => [null, form({ webhookId: String(await webhook(ctx.db, false)) })],
  },
  sendTestWebhook: {
    permission: "webhook:manage",
    buildArgs: async (ctx) => [null, form({ webhookId: String(await webhook(ctx.db, true)) })],
  },
  redeliverWebhook: {
    permission: "webhook:manage",
    buildArgs: async (ctx) => {
      const webhookId = await webhook(ctx.db, true);
      const at = new Date();
      const delivery = await ctx.db.webhookDelivery.create({
        data: {
          webhookId,
          event: "period.closed",
          eventId: randomUUID(),
          payload: {},
          state: "FAILED",
          attempts: 8,
          nextAttemptAt: at,
          createdAt: at,
          updatedAt: at,
        },
      });
      return [null, form({ deliveryId: String(delivery.id) })];
    },
  },
};
