// The /admin/webhooks forms. Messages are catalogue keys. Whether the URL's host may be reached (SSRF) needs DNS
// and is checked by the write (lib/writes/webhooks.ts), after this schema.
import { z } from "zod";
import { WEBHOOK_EVENTS } from "../webhooks/events";
import { idField } from "./id";
import { WEBHOOK_SECRET_MAX, WEBHOOK_SECRET_MIN, WEBHOOK_URL_MAX } from "./webhook-limits";

/** A checkbox: "on" when ticked, absent otherwise ("true"/"false" from scripts). */
const checkbox = z
  .enum(["on", "true", "false"], "validation.invalidChoice")
  .optional()
  .transform((v) => v === "on" || v === "true");

/** An http(s) URL without credentials in it (they would be stored in the clear and sent to every log). */
const webhookUrl = z
  .string("validation.required")
  .trim()
  .min(1, "validation.required")
  .max(WEBHOOK_URL_MAX, "validation.tooLong")
  .superRefine((value, ctx) => {
    if (value === "") return; // "required" says it
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "webhooks.validation.url" });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      ctx.addIssue({ code: "custom", message: "webhooks.validation.scheme" });
    else if (url.username !== "" || url.password !== "")
      ctx.addIssue({ code: "custom", message: "webhooks.validation.credentials" });
    else if (url.hostname === "") ctx.addIssue({ code: "custom", message: "webhooks.validation.url" });
  });

export const registerWebhookSchema = z.object({
  url: webhookUrl,
  /** empty: the app generates one (shown once) */
  secret: z
    .string()
    .trim()
    .max(WEBHOOK_SECRET_MAX, "validation.tooLong")
    .refine((s) => s === "" || s.length >= WEBHOOK_SECRET_MIN, "webhooks.validation.secretShort")
    .refine((s) => !/\s/.test(s), "webhooks.validation.secretSpaces")
    .optional()
    .transform((s) => (s ? s : null)),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, "webhooks.validation.unknownEvent"))
    .min(1, "webhooks.validation.noEvents")
    .max(WEBHOOK_EVENTS.length, "webhooks.validation.unknownEvent")
    .transform((events) => [...new Set(events)]),
  allowPrivate: checkbox,
});
export type RegisterWebhookInput = z.infer<typeof registerWebhookSchema>;

export const webhookIdSchema = z.object({ webhookId: idField });

export const setWebhookActiveSchema = z.object({ webhookId: idField, active: checkbox });

export const redeliverSchema = z.object({ deliveryId: idField });
