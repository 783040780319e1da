import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { titleIn } from "@/lib/i18n/localized";

/**
 * The frame of a page that changes one item: the breadcrumb back to it, the page's heading, the item's code
 * and title (then `summary`, more about it), the form — or, for a retired item, a notice instead — and the
 * link back.
 */
export async function ItemFormPage({
  item,
  heading,
  summary,
  children,
}: {
  item: { code: string; title: string; titleEn: string | null; retiredAt: Date | null };
  heading: string;
  summary?: ReactNode;
  children: ReactNode;
}) {
  const [t, locale] = await Promise.all([getTranslations("editing"), getLocale()]);
  const title = titleIn(item, locale);
  return (
    <section className="stack">
      <nav aria-label="breadcrumb" className="breadcrumb">
        <Link href={`/items/${item.code}`}>
          {item.code} {title}
        </Link>
      </nav>
      <h1>{heading}</h1>
      <p>
        <span className="muted">{item.code}</span> {title}
        {summary}
      </p>
      {item.retiredAt ? <p className="card">{t("errors.retired")}</p> : children}
      <p>
        <Link href={`/items/${item.code}`}>{t("backToItem")}</Link>
      </p>
    </section>
  );
}
