// Strings the report data itself carries (the scope label), read from the "reports" namespace of the message
// catalogue with next-intl's request-free translator, so buildReport stays callable from tests and scripts.
import { createTranslator } from "next-intl";
import { messagesFor } from "../i18n/messages";
import type { Locale } from "../i18n/locales";

export function reportTranslator(locale: Locale) {
  // The catalogue is typed loosely here; keys are checked by the catalogue unit test.
  return createTranslator({
    locale,
    messages: messagesFor(locale) as never,
    namespace: "reports" as never,
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;
}
