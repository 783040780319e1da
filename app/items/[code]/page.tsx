import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AsOfBanner } from "@/components/as-of/as-of-banner";
import { AsOfControl } from "@/components/as-of/as-of-control";
import { itemHref } from "@/components/browse/items-table";
import { ChangeList } from "@/components/items/item-changes";
import { ItemFields } from "@/components/items/item-fields";
import { ItemHistory } from "@/components/items/item-history";
import { ItemMilestones } from "@/components/items/item-milestones";
import { ItemReports } from "@/components/items/item-reports";
import { EvidencePanel } from "@/components/evidence/evidence-list";
import { ItemChaseRecord } from "@/components/chase/item-chase-record";
import { ReportStateBadge } from "@/components/cycle/report-state-badge";
import { ItemSides } from "@/components/items/item-sides";
import { ItemUpdates } from "@/components/items/item-updates";
import { ItemInvestment } from "@/components/investment/item-investment";
import { ItemIndicators } from "@/components/indicators/item-indicators";
import styles from "@/components/items/item.module.css";
import { ConfidenceBadge, StatusBadge } from "@/components/ui/badges";
import { getCurrentUser } from "@/lib/auth/session";
import { getItemView } from "@/lib/data/items";
import type { Confidence, ItemStatus } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import { parseAsOfParams } from "@/lib/validations/as-of";
import { titleIn } from "@/lib/i18n/localized";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ItemPage({ params, searchParams }: Props) {
  const [{ code }, sp] = await Promise.all([params, searchParams]);
  const asOf = parseAsOfParams(sp);
  const item = await getItemView(decodeURIComponent(code), {
    before: asOf.before,
    day: asOf.day,
    ...(asOf.compare !== null ? { compareBefore: asOf.compareBefore } : {}),
  });
  if (item === null) notFound();
  const [t, tLevel, tApp, tPillar, tCycle, locale, user, tInvestment, tIndicators] = await Promise.all([
    getTranslations("item"),
    getTranslations("level"),
    getTranslations("app"),
    getTranslations("pillarPage"),
    getTranslations("cycle"),
    getLocale(),
    getCurrentUser(),
    getTranslations("investment"),
    getTranslations("indicators"),
  ]);

  if (item === "not-yet") {
    return (
      <article>
        <AsOfControl selection={asOf} />
        <p className={styles.notice} data-testid="not-yet">
          {t("notYet", { date: asOf.asOf ?? asOf.today })}
        </p>
        <p>
          <Link href={`/items/${decodeURIComponent(code)}`}>{t("viewLive")}</Link>
        </p>
      </article>
    );
  }

  const title = (x: { title: string; titleEn: string | null }) => titleIn(x, locale);
  const dated = (path: string) => {
    const q = new URLSearchParams();
    if (asOf.asOf) q.set("asOf", asOf.asOf);
    if (asOf.compare) q.set("compare", asOf.compare);
    return q.size ? `${path}?${q}` : path;
  };
  // Hiding these is only a convenience: the update and edit routes check the same permissions themselves.
  const mayPost = can(user, "item:post-update", item.scope);
  const mayEdit = can(user, "item:update", item.scope);
  const mayReview = can(user, "report:review", item.scope);
  const pending = (["SUBMITTED", "RETURNED"] as const).filter((s) => item.openReports.some((r) => r.state === s));

  return (
    <article>
      <nav aria-label="breadcrumb" className="breadcrumb">
        <Link href="/">{tApp("home")}</Link>
        <span aria-hidden="true">›</span>
        <Link href={dated(`/pillars/${item.pillar.number}`)}>
          {tPillar("heading", { number: item.pillar.number })} {title(item.pillar)}
        </Link>
        {item.parent && (
          <>
            <span aria-hidden="true">›</span>
            <Link href={itemHref(item.parent.code, asOf)}>
              {item.parent.code} {title(item.parent)}
            </Link>
          </>
        )}
      </nav>
      <h1>
        <span className="muted">{item.code}</span> {item.title}
      </h1>
      {item.titleEn && (
        <p className="muted" lang="en">
          {item.titleEn}
        </p>
      )}
      <p className="small muted">
        {tLevel(item.level as never)}
        {pending.map((state) => (
          <span key={state}>
            {" "}
            <a href="#reports">
              <ReportStateBadge state={state} />
            </a>
          </span>
        ))}
      </p>
      {(mayPost || mayEdit) && asOf.asOf === null && (
        <div className={styles.toolbar} role="group" aria-label={t("actions")}>
          {mayPost && (
            <Link className={`${styles.button} ${styles.primary}`} href={`/items/${item.code}/update`}>
              {t("postUpdate")}
            </Link>
          )}
          {mayEdit && (
            <Link className={`${styles.button} ${styles.secondary}`} href={`/items/${item.code}/edit`}>
              {t("edit")}
            </Link>
          )}
        </div>
      )}
      <AsOfControl selection={asOf} />
      <AsOfBanner selection={asOf} />

      <div className="two-col">
        <div className="stack">
          {item.compare && (
            <section className="card" aria-labelledby="compare" data-testid="item-compare">
              <h2 id="compare">{t("compareTitle", { from: asOf.compare ?? "" })}</h2>
              {!item.compare.existed ? (
                <p>{t("compareNew", { from: asOf.compare ?? "" })}</p>
              ) : item.compare.changes.length === 0 ? (
                <p className="muted">{t("compareNone")}</p>
              ) : (
                <ChangeList changes={item.compare.changes} testId="compare-changes" />
              )}
            </section>
          )}
          <Card id="excerpt" heading={t("sourceExcerpt")}>
            <blockquote lang="zh-CN" data-testid="source-excerpt">
              {item.sourceExcerpt}
            </blockquote>
            {item.description && (
              <>
                <h3>{t("description")}</h3>
                <p>{item.description}</p>
              </>
            )}
          </Card>
          {item.sides && (
            <Card id="sides" heading={t("sides")}>
              <ItemSides sides={item.sides} />
            </Card>
          )}
          {(item.children.length > 0 || item.level === "RECOMMENDATION") && (
            <Card id="children" heading={t("children")}>
              {item.children.length === 0 ? (
                <p className="muted">{t("noChildren")}</p>
              ) : (
                <ul className="plain" data-testid="children">
                  {item.children.map((c) => (
                    <li key={c.code}>
                      <Link href={itemHref(c.code, asOf)}>
                        {c.code} {title(c)}
                      </Link>{" "}
                      <StatusBadge status={c.status as ItemStatus} />{" "}
                      <ConfidenceBadge confidence={c.confidence as Confidence | null} />
                      {c.progress !== null && <span className="small muted"> {Math.round(c.progress)}%</span>}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          )}
          {item.openReports.length > 0 && (
            <Card id="reports" heading={tCycle("itemPage.title")}>
              <p className="small muted">{tCycle("itemPage.note")}</p>
              <ItemReports
                reports={item.openReports}
                mayReview={mayReview}
                evidenceOf={(reportId) => <EvidencePanel reportId={reportId} editable={false} />}
              />
            </Card>
          )}
          <Card id="updates" heading={t("updates")}>
            <ItemUpdates updates={item.updates} />
          </Card>
        </div>
        <div className="stack">
          <Card id="details" heading={t("details")}>
            <ItemFields item={item} lights={item.lights} />
          </Card>
          {item.level === "ACTION" && (
            <Card id="investment" heading={tInvestment("heading")}>
              <ItemInvestment
                totalInvestment={item.totalInvestment ?? null}
                sichuanShare={item.sichuanShare ?? null}
                chongqingShare={item.chongqingShare ?? null}
                years={item.investmentYears}
              />
            </Card>
          )}
          {item.level === "ACTION" && (
            <Card id="indicators" heading={tIndicators("heading")}>
              <ItemIndicators
                itemId={item.id}
                before={asOf.before}
                asOfDay={asOf.asOf}
                today={asOf.today}
                may={{
                  edit: mayEdit,
                  report: mayPost,
                  headline: can(user, "indicator:headline", item.scope),
                }}
              />
            </Card>
          )}
          <Card id="milestones" heading={t("milestones")}>
            <ItemMilestones milestones={item.milestones} />
          </Card>
          <ItemChaseRecord itemId={item.id} />
          <Card id="history" heading={t("history")}>
            <ItemHistory history={item.history} truncated={item.historyTruncated} />
          </Card>
        </div>
      </div>
    </article>
  );
}
