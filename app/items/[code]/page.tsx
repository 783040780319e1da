import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ItemFields } from "@/components/items/item-fields";
import { ItemHistory } from "@/components/items/item-history";
import { ItemMilestones } from "@/components/items/item-milestones";
import { ItemUpdates } from "@/components/items/item-updates";
import { ConfidenceBadge, StatusBadge } from "@/components/ui/badges";
import { getItemByCode } from "@/lib/data/items";

export const dynamic = "force-dynamic";

export default async function ItemPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const [item, t, tLevel, tApp, locale] = await Promise.all([
    getItemByCode(decodeURIComponent(code)),
    getTranslations("item"),
    getTranslations("level"),
    getTranslations("app"),
    getLocale(),
  ]);
  if (!item) notFound();
  const en = locale === "en";
  const title = (x: { title: string; titleEn: string | null }) => (en && x.titleEn ? x.titleEn : x.title);

  return (
    <article>
      <nav aria-label="breadcrumb" className="breadcrumb">
        <Link href="/">{tApp("home")}</Link>
        <span aria-hidden="true">›</span>
        <span>
          {item.pillar.number}. {en ? item.pillar.titleEn : item.pillar.title}
        </span>
        {item.parent && (
          <>
            <span aria-hidden="true">›</span>
            <Link href={`/items/${item.parent.code}`}>
              {item.parent.code} {title(item.parent)}
            </Link>
          </>
        )}
      </nav>
      <h1>
        <span className="muted">{item.code}</span> {item.title}
      </h1>
      {item.titleEn && <p className="muted" lang="en" style={{ marginTop: "-.75rem" }}>{item.titleEn}</p>}
      <p className="small muted">{tLevel(item.level)}</p>

      <div className="two-col">
        <div className="stack">
          <section className="card" aria-labelledby="excerpt">
            <h2 id="excerpt">{t("sourceExcerpt")}</h2>
            <blockquote lang="zh-CN" data-testid="source-excerpt">{item.sourceExcerpt}</blockquote>
          </section>
          <section className="card" aria-labelledby="children">
            <h2 id="children">{t("children")}</h2>
            {item.children.length === 0 ? (
              <p className="muted">{t("noChildren")}</p>
            ) : (
              <ul className="plain" data-testid="children">
                {item.children.map((c) => (
                  <li key={c.code}>
                    <Link href={`/items/${c.code}`}>
                      {c.code} {title(c)}
                    </Link>{" "}
                    <StatusBadge status={c.status} /> <ConfidenceBadge confidence={c.confidence} />
                    {c.progress !== null && <span className="small muted"> {c.progress}%</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="updates">
            <h2 id="updates">{t("updates")}</h2>
            <ItemUpdates updates={item.progressUpdates} />
          </section>
        </div>
        <div className="stack">
          <section className="card" aria-labelledby="details">
            <h2 id="details">{t("details")}</h2>
            <ItemFields item={item} />
          </section>
          <section className="card" aria-labelledby="milestones">
            <h2 id="milestones">{t("milestones")}</h2>
            <ItemMilestones milestones={item.milestones} />
          </section>
          <section className="card" aria-labelledby="history">
            <h2 id="history">{t("history")}</h2>
            <ItemHistory history={item.history} />
          </section>
        </div>
      </div>
    </article>
  );
}
