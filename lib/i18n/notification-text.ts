// A notification's text, rendered from its kind and params in the reader's language (the notification centre)
// or in Chinese (e-mail). The text is never stored, so a corrected wording reaches old notifications too.
import { NOTIFICATION_KINDS, type NotificationKind } from "../notification-kinds";
import type { Translate } from "./translator";

export interface NotificationText {
  title: string;
  body: string;
}

function isKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/** Plain values only: params are JSON written by notify(), but a row is data, so check. */
function paramsOf(params: unknown): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (params && typeof params === "object" && !Array.isArray(params))
    for (const [k, v] of Object.entries(params)) {
      if (typeof v === "string" || typeof v === "number") out[k] = v;
      else if (Array.isArray(v)) out[k] = v.map(String).join("、");
    }
  return out;
}

/**
 * `t` translates within the "notifications" namespace. An unknown kind, or a text whose params the row lacks,
 * shows a generic text rather than a key or an error: a notification written by newer code must not break the
 * page (or a mail) of an instance running older code.
 */
export function notificationText(t: Translate, kind: string, params: unknown): NotificationText {
  if (isKind(kind)) {
    const values = paramsOf(params);
    try {
      const title = t(`kinds.${kind}.title`, values);
      const body = t(`kinds.${kind}.body`, values);
      if (!title.includes(`kinds.${kind}`) && !body.includes(`kinds.${kind}`)) return { title, body };
    } catch {
      // fall through to the generic text
    }
  }
  return { title: t("fallback.title"), body: t("fallback.body") };
}
