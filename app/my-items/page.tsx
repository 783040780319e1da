import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { MyItemsTable } from "@/components/editing/my-items-table";
import { listMyItems } from "@/lib/data/my-items";
import { isReviewRequired } from "@/lib/data/reviews";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("myItems");
  return { title: t("title") };
}

export default async function MyItemsPage() {
  const [{ user, items }, reviewRequired, t, tImport] = await Promise.all([
    listMyItems(),
    isReviewRequired(),
    getTranslations("myItems"),
    getTranslations("import"),
  ]);
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <p className="muted">{user.unitName ? t("intro", { unit: user.unitName }) : t("noUnit")}</p>
      <p>
        <Link href="/items/import">{tImport("link")}</Link>
      </p>
      {items.length === 0 ? (
        <p className="card" data-testid="my-items-empty">
          {t("empty")} <Link href="/">{t("browse")}</Link>
        </p>
      ) : (
        <>
          <p className="small">{t("summary", { count: items.length, overdue })}</p>
          <MyItemsTable items={items.map(({ lastUpdateAt: _omit, ...row }) => row)} reviewRequired={reviewRequired} />
        </>
      )}
    </section>
  );
}
