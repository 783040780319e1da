"use server";
// Webhooks (/admin/webhooks, administrators): register, pause or resume, delete, send a test event, redeliver.
// Every change and its audit_log row share one transaction (lib/writes/webhooks.ts).
import { revalidatePath } from "next/cache";
import { authorizeForm } from "../auth/authorize";
import { now } from "../clock";
import { db } from "../db";
import { type ActionResult } from "../forms/result";
import {
  redeliverSchema,
  registerWebhookSchema,
  setWebhookActiveSchema,
  webhookIdSchema,
} from "../validations/webhooks";
import { toFailure } from "../writes/failure";
import * as writes from "../writes/webhooks";

function refresh(): void {
  revalidatePath("/admin/webhooks");
  revalidatePath("/admin/audit");
}

/** Registers a webhook; a secret generated here comes back once, to be copied into the receiver. */
export async function registerWebhook(
  _prev: ActionResult<{ id: number; secret: string | null }> | null,
  formData: FormData,
): Promise<ActionResult<{ id: number; secret: string | null }>> {
  const guard = await authorizeForm("webhook:manage", registerWebhookSchema, formData, ["events"]);
  if (!guard.ok) return guard.failure;
  let created: { id: number; generatedSecret: string | null };
  try {
    created = await writes.registerWebhook(db(), guard.user, guard.input, now());
  } catch (error) {
    return toFailure(error);
  }
  refresh();
  return {
    ok: true,
    message: created.generatedSecret ? "webhooks.registeredWithSecret" : "webhooks.registered",
    data: { id: created.id, secret: created.generatedSecret },
  };
}

/** Pauses (active=false) or resumes (active=true) a webhook. */
export async function setWebhookActive(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("webhook:manage", setWebhookActiveSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    await writes.setWebhookActive(db(), guard.user.id, guard.input.webhookId, guard.input.active, now());
  } catch (error) {
    return toFailure(error);
  }
  refresh();
  return { ok: true, message: guard.input.active ? "webhooks.resumed" : "webhooks.paused" };
}

export async function deleteWebhook(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("webhook:manage", webhookIdSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    await writes.deleteWebhook(db(), guard.user.id, guard.input.webhookId);
  } catch (error) {
    return toFailure(error);
  }
  refresh();
  return { ok: true, message: "webhooks.deleted" };
}

export async function sendTestWebhook(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("webhook:manage", webhookIdSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    await writes.sendTestEvent(db(), guard.user.id, guard.input.webhookId, now());
  } catch (error) {
    return toFailure(error);
  }
  refresh();
  return { ok: true, message: "webhooks.testQueued" };
}

export async function redeliverWebhook(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("webhook:manage", redeliverSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    await writes.redeliver(db(), guard.user.id, guard.input.deliveryId, now());
  } catch (error) {
    return toFailure(error);
  }
  refresh();
  return { ok: true, message: "webhooks.redelivered" };
}
