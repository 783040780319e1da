import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("item");
  return (
    <div className="card">
      <h1>{t("notFound")}</h1>
      <Link href="/">{t("backHome")}</Link>
    </div>
  );
}
