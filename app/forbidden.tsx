import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

// Shown with HTTP 403 when a read calls forbidden() (lib/auth/session.ts requirePermission).
export default async function Forbidden() {
  const t = await getTranslations("auth");
  return (
    <section>
      <h1>{t("forbiddenTitle")}</h1>
      <p>{t("forbiddenBody")}</p>
      <p>
        <Link href="/">{t("backHome")}</Link>
      </p>
    </section>
  );
}
