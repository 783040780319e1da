// Administrators' changes to webhooks (/admin/webhooks): register, pause or resume, delete, send a test event,
// redeliver. Each change and its audit_log row share one transaction. The URL's host is resolved at registration
// and refused when it reaches a private, loopback or link-local address (lib/webhooks/address.ts) unless the
// administrator allowed private targets; the sender checks again at every attempt, since DNS answers change.
import { failure } from "../forms/result";
import { WEBHOOK_QUEUE } from "../jobs/crontab";
import { enqueue } from "../jobs/enqueue";
import type { Actor } from "../permissions";
import type { Db } from "../prisma-client";
import type { RegisterWebhookInput } from "../validations/webhooks";
import { checkTarget, hostOf, systemResolver, type Resolver } from "../webhooks/address";
import { TEST_EVENT } from "../webhooks/events";
import { encryptSecret, generateWebhookSecret, secretHint } from "../webhooks/secret";
import { writeAudit } from "./audit";
import { Refusal, refuseField } from "./failure";
import { queueDeliveries } from "./webhook-events";

/** The host the URL names may be reached: resolved now, every address public (or private targets allowed). */
export async function checkWebhookUrl(url: string, allowPrivate: boolean, resolve: Resolver = systemResolver) {
  const checked = await checkTarget(hostOf(new URL(url)), allowPrivate, resolve);
  if (checked.ok) return;
  if (checked.refusal.reason === "unresolvable") throw refuseField("url", "webhooks.errors.unresolvable");
  throw refuseField("url", `webhooks.errors.address.${checked.refusal.kind}`);
}

/**
 * Registers a webhook. Answers its id and, when the secret was generated here, the secret — to be shown once:
 * only its encryption is stored.
 */
export async function registerWebhook(
  client: Db,
  actor: Actor,
  input: RegisterWebhookInput,
  at: Date,
  resolve: Resolver = systemResolver,
): Promise<{ id: number; generatedSecret: string | null }> {
  // Only an administrator may point the app at the internal network (the page is theirs anyway; this holds
  // for any future caller of this write).
  if (input.allowPrivate && actor.role !== "ADMIN") throw new Refusal(failure("forbidden"));
  await checkWebhookUrl(input.url, input.allowPrivate, resolve);
  const secret = input.secret ?? generateWebhookSecret();
  const id = await client.$transaction(async (tx) => {
    const created = await tx.webhook.create({
      data: {
        url: input.url,
        secretEncrypted: encryptSecret(secret),
        secretHint: secretHint(secret),
        events: input.events,
        allowPrivate: input.allowPrivate,
        createdById: actor.id,
        createdAt: at,
        updatedAt: at,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "webhook.create",
      targetType: "webhook",
      targetId: created.id,
      details: {
        label: input.url,
        changes: {
          url: { to: input.url },
          events: { to: input.events },
          allowPrivate: { to: input.allowPrivate },
          secret: { to: input.secret ? "entered" : "generated" },
        },
      },
    });
    return created.id;
  });
  return { id, generatedSecret: input.secret ? null : secret };
}

async function lockWebhook(tx: Parameters<Parameters<Db["$transaction"]>[0]>[0], id: number) {
  await tx.$queryRaw`SELECT id FROM webhooks WHERE id = ${id} FOR UPDATE`;
  const hook = await tx.webhook.findUnique({ where: { id } });
  if (!hook) throw new Refusal(failure("not-found", "webhooks.errors.notFound"));
  return hook;
}

/** Pauses (no new deliveries; waiting ones wait) or resumes a webhook. Answers false when it was so already. */
export async function setWebhookActive(
  client: Db,
  actorId: number,
  id: number,
  active: boolean,
  at: Date,
): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const hook = await lockWebhook(tx, id);
    if (hook.active === active) return false;
    await tx.webhook.update({ where: { id }, data: { active, updatedAt: at } });
    await writeAudit(tx, {
      actorId,
      action: active ? "webhook.resume" : "webhook.pause",
      targetType: "webhook",
      targetId: id,
      details: { label: hook.url, changes: { active: { from: hook.active, to: active } } },
    });
    return true;
  });
}

/** Deletes a webhook with its deliveries (the audit log keeps that it existed). */
export async function deleteWebhook(client: Db, actorId: number, id: number): Promise<void> {
  await client.$transaction(async (tx) => {
    const hook = await lockWebhook(tx, id);
    await tx.webhook.delete({ where: { id } });
    await writeAudit(tx, {
      actorId,
      action: "webhook.delete",
      targetType: "webhook",
      targetId: id,
      details: { label: hook.url, changes: { events: { from: hook.events, to: null } } },
    });
  });
}

/** Queues a "webhook.test" event to this one webhook (an active one), signed like any other. */
export async function sendTestEvent(client: Db, actorId: number, id: number, at: Date): Promise<string> {
  return client.$transaction(async (tx) => {
    const hook = await lockWebhook(tx, id);
    if (!hook.active) throw new Refusal(failure("invalid", "webhooks.errors.paused"));
    const eventId = await queueDeliveries(tx, [id], TEST_EVENT, { webhookId: id, message: "test" }, at);
    await writeAudit(tx, {
      actorId,
      action: "webhook.test",
      targetType: "webhook",
      targetId: id,
      details: { label: hook.url },
    });
    return eventId!;
  });
}

/**
 * Sends a delivery again (one delivered, or one that failed for good): the same event id and body, attempts
 * counted afresh, due now. A delivery still waiting or being sent is refused (it is on its way).
 */
export async function redeliver(client: Db, actorId: number, deliveryId: number, at: Date): Promise<void> {
  await client.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM webhook_deliveries WHERE id = ${deliveryId} FOR UPDATE`;
    const delivery = await tx.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { webhook: true } });
    if (!delivery) throw new Refusal(failure("not-found", "webhooks.errors.deliveryNotFound"));
    if (delivery.state === "PENDING" || delivery.state === "SENDING")
      throw new Refusal(failure("conflict", "webhooks.errors.onItsWay"));
    if (!delivery.webhook.active) throw new Refusal(failure("invalid", "webhooks.errors.paused"));
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: { state: "PENDING", attempts: 0, nextAttemptAt: at, claimToken: null, leaseUntil: null, updatedAt: at },
    });
    await enqueue(tx, "webhook-deliver", {}, { queueName: WEBHOOK_QUEUE, maxAttempts: 3 });
    await writeAudit(tx, {
      actorId,
      action: "webhook.redeliver",
      targetType: "webhook",
      targetId: delivery.webhookId,
      details: { label: `${delivery.webhook.url} · ${delivery.event} ${delivery.eventId}` },
    });
  });
}
