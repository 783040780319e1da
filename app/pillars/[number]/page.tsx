import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AsOfBanner } from "@/components/as-of/as-of-banner";
import { AsOfControl } from "@/components/as-of/as-of-control";
import { Pager } from "@/components/browse/pager";
import { RecommendationSection } from "@/components/browse/pillar-tree";
import styles from "@/components/browse/browse.module.css";
import { ProgressBar } from "@/components/ui/progress-bar";
import { getPillarTree } from "@/lib/data/pillars";
import { parseAsOfParams } from "@/lib/validations/as-of";
import { parsePillarPage } from "@/lib/validations/pillars";
import { pagePillarTree, PILLAR_PAGE_ACTIONS } from "@/lib/pillar-pages";
import { pillarNameIn, titleIn } from "@/lib/i18n/localized";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function PillarPage({ params, searchParams }: Props) {
  const [{ number }, sp] = await Promise.all([params, searchParams]);
  const asOf = parseAsOfParams(sp);
  const { page: askedPage, issue } = parsePillarPage(sp);
  const tree = await getPillarTree(number, asOf);
  if (!tree) notFound();
  const [t, tApp, tBrowse, tRoot, format, locale] = await Promise.all([
    getTranslations("pillarPage"),
    getTranslations("app"),
    getTranslations("browse"),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const { pillar } = tree;
  const dates = new URLSearchParams();
  if (asOf.asOf) dates.set("asOf", asOf.asOf);
  if (asOf.compare) dates.set("compare", asOf.compare);
  const listHref = (filters: [string, string][] = []) =>
    `/items?${new URLSearchParams([["pillar", String(pillar.number)], ...filters, ...dates])}`;
  const paged = pagePillarTree(tree.recommendations, askedPage);
  const pageHref = (page: number) => {
    const sp = new URLSearchParams(dates);
    if (page > 1) sp.set("page", String(page));
    return `/pillars/${pillar.number}${sp.size ? `?${sp}` : ""}`;
  };
  const onPage = new Set(paged.sections.map((s) => s.rec.code));
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
      {issue && (
        <p className={styles.issues} role="alert" data-testid="param-issues">
          {tBrowse("invalidParam", { param: tBrowse("page"), value: issue.value })} {tRoot(issue.message)}
        </p>
      )}
      {paged.pages > 1 && (
        <>
          <p className="small muted" data-testid="pillar-range">
            {t("pagedNote", { size: PILLAR_PAGE_ACTIONS })} {tBrowse("range", { from: paged.first, to: paged.last })}
          </p>
          {/* Every recommendation, with the page it starts on. One not on this page is the target of its
              #rec- anchor here, so a link to it from elsewhere (the dashboard) lands on its way there. */}
          <nav aria-labelledby="rec-index">
            <h3 id="rec-index">{t("index")}</h3>
            <ol className="plain" data-testid="rec-index">
              {paged.starts.map(({ rec, page, actions }) => (
                <li key={rec.id} id={onPage.has(rec.code) ? undefined : `rec-${rec.code}`}>
                  <Link href={onPage.has(rec.code) ? `#rec-${rec.code}` : `${pageHref(page)}#rec-${rec.code}`}>
                    {rec.code} {titleIn(rec, locale)}
                  </Link>{" "}
                  <span className="small muted">
                    {t("actionCount", { count: actions })} · {tBrowse("pageOf", { page, pages: paged.pages })}
                  </span>
                </li>
              ))}
            </ol>
          </nav>
          <Pager page={paged.page} pages={paged.pages} href={pageHref} />
        </>
      )}
      <div className="stack">
        {paged.sections.map((section) => (
          <RecommendationSection key={section.rec.id} section={section} asOf={asOf} />
        ))}
      </div>
      <Pager page={paged.page} pages={paged.pages} href={pageHref} />
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
