import { cookies } from "next/headers";
import { IntlErrorCode } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "./locales";
import { messagesFor } from "./messages";
import { logger } from "../log";

// No locale in the URL: the preference lives in a cookie, so shared links work in either language.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    messages: messagesFor(locale),
    timeZone: "Asia/Shanghai",
    onError(error) {
      // Under test (I18N_STRICT=1, set by playwright.config.ts) a string missing from the catalogue fails the
      // page instead of quietly showing its key, so every message a user sees must exist.
      if (process.env.I18N_STRICT === "1" && error.code === IntlErrorCode.MISSING_MESSAGE) throw error;
      logger().error({ err: error }, "i18n: message error");
    },
  };
});
