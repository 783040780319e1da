import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ProgressUpdateForm } from "@/components/editing/progress-update-form";
import { ConfidenceBadge, StatusBadge } from "@/components/ui/badges";
import { getItemForUpdate } from "@/lib/data/item-edit";
import { titleIn } from "@/lib/i18n/localized";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("editing.update");
  return { title: t("title") };
}

export default async function PostUpdatePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const [{ item }, t, locale] = await Promise.all([
    getItemForUpdate(decodeURIComponent(code)),
    getTranslations("editing"),
    getLocale(),
  ]);
  const title = titleIn(item, locale);
  return (
    <section className="stack">
      <nav aria-label="breadcrumb" className="breadcrumb">
        <Link href={`/items/${item.code}`}>
          {item.code} {title}
        </Link>
      </nav>
      <h1>{t("update.title")}</h1>
      <p>
        <span className="muted">{item.code}</span> {title} · <StatusBadge status={item.status} />{" "}
        <ConfidenceBadge confidence={item.confidence} />
        {item.progress !== null && <span className="small"> {item.progress}%</span>}
      </p>
      {item.retiredAt ? (
        <p className="card">{t("errors.retired")}</p>
      ) : (
        <div className="card">
          <ProgressUpdateForm
            defaults={{
              itemId: item.id,
              code: item.code,
              version: item.version,
              status: item.status,
              progress: item.progress,
              confidence: item.confidence,
            }}
          />
        </div>
      )}
      <p>
        <Link href={`/items/${item.code}`}>{t("backToItem")}</Link>
      </p>
    </section>
  );
}
