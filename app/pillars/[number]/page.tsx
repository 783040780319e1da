import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AsOfBanner } from "@/components/as-of/as-of-banner";
import { AsOfControl } from "@/components/as-of/as-of-control";
import { RecommendationSection } from "@/components/browse/pillar-tree";
import styles from "@/components/browse/browse.module.css";
import { ProgressBar } from "@/components/ui/progress-bar";
import { getPillarTree } from "@/lib/data/pillars";
import { parseAsOfParams } from "@/lib/validations/as-of";
import { pillarNameIn, titleIn } from "@/lib/i18n/localized";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function PillarPage({ params, searchParams }: Props) {
  const [{ number }, sp] = await Promise.all([params, searchParams]);
  const asOf = parseAsOfParams(sp);
  const tree = await getPillarTree(number, asOf);
  if (!tree) notFound();
  const [t, tApp, format, locale] = await Promise.all([
    getTranslations("pillarPage"),
    getTranslations("app"),
    getFormatter(),
    getLocale(),
  ]);
  const { pillar } = tree;
  const dates = new URLSearchParams();
  if (asOf.asOf) dates.set("asOf", asOf.asOf);
  if (asOf.compare) dates.set("compare", asOf.compare);
  const listHref = (filters: [string, string][] = []) =>
    `/items?${new URLSearchParams([["pillar", String(pillar.number)], ...filters, ...dates])}`;
  const pct = (v: number) => `${format.number(v, { maximumFractionDigits: 1 })}%`;

  return (
    <article>
      <nav aria-label="breadcrumb" className="breadcrumb">
        <Link href="/">{tApp("home")}</Link>
        <span aria-hidden="true">›</span>
        <span>{t("heading", { number: pillar.number })}</span>
      </nav>
      <h1>
        <span className="muted">{t("heading", { number: pillar.number })}</span> {pillarNameIn(pillar, locale)}
      </h1>
      <AsOfControl selection={asOf} />
      <AsOfBanner selection={asOf} />
      <div className="two-col">
        <section className="card stack" aria-labelledby="requirement">
          <h2 id="requirement">{t("requirement")}</h2>
          <blockquote lang="zh-CN" data-testid="pillar-requirement">
            {pillar.requirement}
          </blockquote>
          <h2 id="summary">{t("summary")}</h2>
          <p lang="zh-CN" data-testid="pillar-summary">
            {pillar.summary}
          </p>
        </section>
        <section className="card stack" aria-labelledby="pillar-progress-title">
          <h2 id="pillar-progress-title">{t("progress")}</h2>
          <div data-testid="pillar-progress" data-progress={tree.progress ?? ""}>
            {tree.progress === null ? (
              <span className="muted">{t("noProgress")}</span>
            ) : (
              <>
                <strong className={styles.count}>{pct(tree.progress)}</strong>
                <ProgressBar value={Math.round(tree.progress)} label={t("progress")} />
              </>
            )}
          </div>
          {asOf.compare !== null && tree.compareProgress !== null && (
            <p className="small" data-testid="pillar-progress-then">
              {t("progressThen", { value: pct(tree.compareProgress) })}
            </p>
          )}
          <p className="small muted">{t("progressHint")}</p>
          <p className="small">
            <Link href={listHref([["level", "ACTION"]])} data-count={tree.actionCount}>
              {t("actionCount", { count: tree.actionCount })}
            </Link>{" "}
            ·{" "}
            <Link
              href={listHref([
                ["level", "ACTION"],
                ["overdue", "1"],
              ])}
              data-count={tree.overdueCount}
            >
              {t("overdueCount", { count: tree.overdueCount })}
            </Link>
          </p>
          <p>
            <Link href={listHref()}>{t("viewItems")}</Link>
          </p>
        </section>
      </div>
      <h2 id="tree">{t("tree")}</h2>
      <div className="stack">
        {tree.recommendations.map((rec) => (
          <RecommendationSection key={rec.id} rec={rec} asOf={asOf} />
        ))}
      </div>
      <nav aria-labelledby="others">
        <h2 id="others">{t("pillars")}</h2>
        <ul className="plain">
          {tree.others.map((p) => (
            <li key={p.number}>
              <Link href={`/pillars/${p.number}${dates.size ? `?${dates}` : ""}`}>
                {t("heading", { number: p.number })} {titleIn(p, locale)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </article>
  );
}
