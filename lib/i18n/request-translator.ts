// The translator in the language of the person making the request (their locale cookie), for a server action
// that writes text people read later (a report's note). Outside a request (a script, a test) the default, zh-CN.
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, LOCALE_COOKIE, toLocale, type Locale } from "./locales";
import { translator, type Translate } from "./translator";

export async function requestLocale(): Promise<Locale> {
  try {
    return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  } catch {
    return DEFAULT_LOCALE;
  }
}

export async function requestTranslator(): Promise<Translate> {
  return translator(await requestLocale());
}
