import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { PillarOverview } from "@/lib/data/overview";

export async function PillarCard({ pillar }: { pillar: PillarOverview }) {
  const [t, locale] = await Promise.all([getTranslations("home"), getLocale()]);
  const en = locale === "en";
  return (
    <article className="card stack" aria-labelledby={`pillar-${pillar.number}`} data-testid={`pillar-${pillar.number}`}>
      <div>
        <p className="muted small" style={{ margin: 0 }}>
          {t("pillarHeading", { number: pillar.number })}
        </p>
        <h3 id={`pillar-${pillar.number}`}>{en ? pillar.titleEn : `${pillar.title}：${pillar.theme}`}</h3>
      </div>
      <div className="counts">
        <div className="count">
          <strong data-testid="recommendation-count">{pillar.recommendationCount}</strong>
          <span className="small muted">{t("recommendations")}</span>
        </div>
        <div className="count">
          <strong data-testid="action-count">{pillar.actionCount}</strong>
          <span className="small muted">{t("actions")}</span>
        </div>
      </div>
      <ul className="plain small">
        {pillar.recommendations.map((r) => (
          <li key={r.code}>
            <Link href={`/items/${r.code}`}>
              {r.code} {en && r.titleEn ? r.titleEn : r.title}
            </Link>
          </li>
        ))}
      </ul>
      <details className="small">
        <summary>{t("requirement")}</summary>
        <p lang="zh-CN">“{pillar.requirement}”</p>
        <p lang="zh-CN">
          <strong>{t("summary")}：</strong>
          {pillar.summary}
        </p>
      </details>
    </article>
  );
}
