import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { figuresOf } from "@/components/periods/figure-href";
import { PhaseBadge } from "@/components/periods/phase-badge";
import { CURRENT_PERIOD_UNITS, getCurrentPeriodWidget } from "@/lib/data/periods";
import { FULFILMENT_FIGURES } from "@/lib/report/bulletin";
import { CurrentPeriodTable, type PeriodFigureRow } from "./current-period-table";
import styles from "./dashboard.module.css";
import { Widget } from "./widget";

/**
 * The current reporting period (填报周期): its deadline and its fulfilment in all, by side and by its units most
 * behind. Each figure links to the obligations behind it on the period page (the same query, the same number).
 * Live only: the dashboard leaves it out when it shows a past day.
 */
export async function CurrentPeriodPanel() {
  const [data, t, tSide, tFigure, tHint, locale] = await Promise.all([
    getCurrentPeriodWidget(),
    getTranslations("dashboard.period"),
    getTranslations("side"),
    getTranslations("periods.figures"),
    getTranslations("periods.figureHints"),
    getLocale(),
  ]);
  if (data === null)
    return (
      <Widget id="current-period" title={t("title")} wide>
        <p className="muted" data-testid="current-period-empty">
          {t("none")} <Link href="/periods">{t("allPeriods")}</Link>
        </p>
      </Widget>
    );
  const { period, daysToDeadline, fulfilment, lagging } = data;
  const label = locale === "en" ? period.labelEn : period.label;
  const shown = lagging.slice(0, CURRENT_PERIOD_UNITS);
  const figures = FULFILMENT_FIGURES.map((f): [string, string] => [tFigure(f), tHint(f)]);
  return (
    <Widget id="current-period" title={t("title")} wide>
      <p>
        <Link href={`/periods/${period.id}`} data-testid="current-period-label">
          <strong>{label}</strong>
        </Link>{" "}
        <PhaseBadge phase={period.phase} />{" "}
        <span data-testid="current-period-deadline" data-days={daysToDeadline}>
          {daysToDeadline > 0
            ? t("daysLeft", { days: daysToDeadline, deadline: period.deadline })
            : daysToDeadline === 0
              ? t("dueToday", { deadline: period.deadline })
              : t("overdue", { days: -daysToDeadline, deadline: period.deadline })}
        </span>
      </p>
      <div className={styles.tableWrap}>
        <CurrentPeriodTable
          testId="current-period-figures"
          periodId={period.id}
          head={[t("colScope")]}
          figures={figures}
          rows={[
            [t("total"), null, null, figuresOf(fulfilment.total)],
            ...fulfilment.sides.map((s): PeriodFigureRow => [tSide(s.side), null, s.side, figuresOf(s)]),
          ]}
        />
      </div>
      <h3>{t("unitsHeading")}</h3>
      {shown.length === 0 ? (
        <p className="muted" data-testid="current-period-units-empty">
          {fulfilment.units.length === 0 ? t("noObligations") : t("allApproved")}
        </p>
      ) : (
        <div className={styles.tableWrap}>
          <CurrentPeriodTable
            testId="current-period-units"
            periodId={period.id}
            head={[t("colUnit"), t("colSide")]}
            figures={figures}
            rows={shown.map((u) => [u.unit, tSide(u.side), u.unitId, figuresOf(u)])}
          />
        </div>
      )}
      <p className="small">
        {lagging.length > shown.length ? t("moreUnits", { count: lagging.length - shown.length }) + " " : null}
        <Link href={`/periods/${period.id}`}>{t("fullPage")}</Link>
      </p>
    </Widget>
  );
}
