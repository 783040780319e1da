// Forms of the notification centre and of a person's e-mail settings.
import { z } from "zod";
import { idField } from "./id";
import { EMAIL_DELIVERIES, EMAIL_MAX } from "./notification-limits";

export const notificationIdSchema = z.object({ notificationId: idField });

/** "Mark all read": up to the latest notification the page showed. */
export const markAllReadSchema = z.object({ upTo: idField });

/** An e-mail address (blank: none). Deliberately plain: something@domain.tld, no spaces or angle brackets. */
export const emailSchema = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
  z
    .string("account.validation.invalidEmail")
    .max(EMAIL_MAX, "validation.tooLong")
    .regex(/^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\].]{2,}$/u, "account.validation.invalidEmail")
    .nullable(),
);

/** A blank address is allowed whatever the delivery: no address, no e-mail. */
export const emailSettingsSchema = z.object({
  email: emailSchema,
  delivery: z.enum(EMAIL_DELIVERIES, "validation.invalidChoice"),
});

/** The page number of /notifications?page=N: anything else is the first page. */
export function parsePage(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
