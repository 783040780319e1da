import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/** What the form kit itself translates on the client: field errors, form-level refusals, the error page. */
const FORM_KIT_NAMESPACES = ["validation", "actionErrors", "errors"];

// The catalogue for the client, only where client forms translate (their validation and error keys come from
// several areas). Read-only pages — the dashboard, lists, item pages — get only the few strings the root layout
// passes: the catalogue is ~110 KB of JSON, serialised into the page's RSC payload and again, escaped, into its
// HTML on every request otherwise. A segment that knows its forms' namespaces names them (plus the form kit's);
// the others still get the whole catalogue.
export async function FormMessages({ children, namespaces }: { children: ReactNode; namespaces?: readonly string[] }) {
  const messages = await getMessages();
  const given = namespaces
    ? Object.fromEntries(
        [...FORM_KIT_NAMESPACES, ...namespaces].filter((n) => n in messages).map((n) => [n, messages[n]]),
      )
    : messages;
  return <NextIntlClientProvider messages={given}>{children}</NextIntlClientProvider>;
}

/** A layout for a segment whose pages hold client forms. */
export default function FormMessagesLayout({ children }: { children: ReactNode }) {
  return <FormMessages>{children}</FormMessages>;
}
