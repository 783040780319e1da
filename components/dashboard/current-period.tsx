import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FigureCells, FigureHeaders } from "@/components/periods/fulfilment";
import { PhaseBadge } from "@/components/periods/phase-badge";
import { CURRENT_PERIOD_UNITS, getCurrentPeriodWidget } from "@/lib/data/periods";
import styles from "./dashboard.module.css";
import { Widget } from "./widget";

/**
 * The current reporting period (填报周期): its deadline and its fulfilment in all, by side and by its units most
 * behind. Each figure links to the obligations behind it on the period page (the same query, the same number).
 * Live only: the dashboard leaves it out when it shows a past day.
 */
export async function CurrentPeriodPanel() {
  const [data, t, tSide, locale] = await Promise.all([
    getCurrentPeriodWidget(),
    getTranslations("dashboard.period"),
    getTranslations("side"),
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
        <table data-testid="current-period-figures">
          <thead>
            <tr>
              <th scope="col">{t("colScope")}</th>
              <FigureHeaders />
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("total")}</th>
              <FigureCells periodId={period.id} f={fulfilment.total} testId="current-total" />
            </tr>
            {fulfilment.sides.map((s) => (
              <tr key={s.side}>
                <th scope="row">{tSide(s.side)}</th>
                <FigureCells periodId={period.id} f={s} scope={{ side: s.side }} testId={`current-side-${s.side}`} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t("unitsHeading")}</h3>
      {shown.length === 0 ? (
        <p className="muted" data-testid="current-period-units-empty">
          {fulfilment.units.length === 0 ? t("noObligations") : t("allApproved")}
        </p>
      ) : (
        <div className={styles.tableWrap}>
          <table data-testid="current-period-units">
            <thead>
              <tr>
                <th scope="col">{t("colUnit")}</th>
                <th scope="col">{t("colSide")}</th>
                <FigureHeaders />
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr key={u.unitId}>
                  <th scope="row">{u.unit}</th>
                  <td>{tSide(u.side)}</td>
                  <FigureCells
                    periodId={period.id}
                    f={u}
                    scope={{ unitId: u.unitId }}
                    testId={`current-unit-${u.unitId}`}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="small">
        {lagging.length > shown.length ? t("moreUnits", { count: lagging.length - shown.length }) + " " : null}
        <Link href={`/periods/${period.id}`}>{t("fullPage")}</Link>
      </p>
    </Widget>
  );
}
