import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

// What unauthorized() would render (HTTP 401). Nothing calls it today (a read without a session redirects to
// /login), but with experimental.authInterrupts on, Next.js puts its 401 UI into the RSC payload of every page:
// its own, English and inline-styled, is about 1.2 KB of each page; this one is a few bytes and translated.
export default async function Unauthorized() {
  const t = await getTranslations("auth");
  return (
    <section>
      <h1>{t("signInTitle")}</h1>
      <p>{t("unauthorizedBody")}</p>
      <p>
        <Link href="/login">{t("signInTitle")}</Link>
      </p>
    </section>
  );
}
