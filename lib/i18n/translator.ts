// The one request-free translator over the message catalogue (next-intl's createTranslator), for code that
// runs outside a page's request: the report builder, the export renderers, route handlers. Pages and
// components use next-intl's getTranslations / useTranslations instead.
import { createTranslator } from "next-intl";
import type { Locale } from "./locales";
import { messagesFor } from "./messages";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Translates catalogue keys in `locale`: full keys ("reports.sheets.items", "status.COMPLETED"), or keys within
 * `namespace` when one is given ("reportDoc" → "title"). Typed loosely on purpose: the catalogue unit test
 * checks that every key exists in both languages.
 */
export function translator(locale: Locale, namespace?: string): Translate {
  return createTranslator({
    locale,
    messages: messagesFor(locale) as never,
    ...(namespace === undefined ? {} : { namespace: namespace as never }),
  }) as unknown as Translate;
}
