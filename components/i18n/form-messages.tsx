import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

// The whole catalogue for the client, only where client forms translate (their validation and error keys
// come from several areas). Read-only pages — the dashboard, lists, item pages — get only the few strings
// the root layout passes: the catalogue is ~22 KB of JSON, sent escaped inside every page's HTML otherwise.
export async function FormMessages({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}

/** A layout for a segment whose pages hold client forms. */
export default function FormMessagesLayout({ children }: { children: ReactNode }) {
  return <FormMessages>{children}</FormMessages>;
}
