// The dashboard's 关键指标 card: the indicators administrators marked as headline, each with its item, target
// (and year), latest actual value and 完成度 — live or as of the dashboard's day (definitions from history,
// values reported by then). An empty state when none is marked. With a compare day, each latest value says how
// it moved since then (the value in force at the end of that day; exact, lib/indicators.ts figureDelta).
import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { itemHref } from "@/components/browse/items-table";
import { Widget } from "@/components/dashboard/widget";
import { dayFormatter } from "@/components/items/format";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { getHeadlineIndicators, getIndicatorsAt, type HeadlineIndicator } from "@/lib/data/indicators";
import { titleIn } from "@/lib/i18n/localized";
import { figureDelta, formatWithUnit } from "@/lib/indicators";
import { Completion, LatestActual, type IndicatorsT } from "./indicator-figures";
import styles from "./indicators.module.css";

export async function HeadlineIndicatorsPanel({ selection }: { selection: AsOfSelection }) {
  const [rows, t, locale, day] = await Promise.all([
    getHeadlineIndicators(selection.before),
    getTranslations("indicators"),
    getLocale(),
    dayFormatter(),
  ]);
  const { compareBefore, compare } = selection;
  const ids = rows.map((x) => x.id);
  const earlier = compareBefore === null || compare === null ? null : await getIndicatorsAt(compareBefore, ids);
  const then = earlier === null ? null : new Map(earlier.map((x) => [x.id, x]));
  return (
    <Widget id="headline-indicators" title={t("dashboard.title")} wide>
      {rows.length === 0 ? (
        <p className="muted" data-testid="headline-indicators-none">
          {t("dashboard.empty")}
        </p>
      ) : (
        <table className="table" data-testid="headline-indicators-table">
          <caption className="visually-hidden">{t("dashboard.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.indicator")}</th>
              <th scope="col">{t("dashboard.item")}</th>
              <th scope="col" className={styles.number}>
                {t("dashboard.target")}
              </th>
              <th scope="col" className={styles.number}>
                {t("dashboard.actual")}
              </th>
              <th scope="col" className={styles.number}>
                {t("dashboard.completion")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => (
              <tr key={x.id} data-indicator={x.id}>
                <th scope="row">{x.name}</th>
                <td>
                  <Link href={`${itemHref(x.code, selection)}#indicators`}>
                    {x.code} {titleIn(x, locale)}
                  </Link>
                </td>
                <td className={styles.number} data-figure={x.target}>
                  {t("targetIn", { target: formatWithUnit(x.target, x.unit), year: x.targetYear })}
                </td>
                <td className={styles.number} data-figure={x.latest?.actual ?? ""}>
                  <LatestActual x={x} t={t} day={day} />
                  {then && compare ? <SinceCompare x={x} then={then.get(x.id)} day={day(compare)} t={t} /> : null}
                </td>
                <td className={styles.number} data-completion={x.completion ?? ""}>
                  <Completion x={x} t={t} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Widget>
  );
}

/** "较 2026-03-31 +12.5 公里": the latest value's move since the compare day, or that there was none then. */
export function SinceCompare({
  x,
  then,
  day,
  t,
}: {
  x: HeadlineIndicator;
  then: HeadlineIndicator | undefined;
  day: string;
  t: IndicatorsT;
}) {
  if (x.latest === null) return null;
  const before = then?.latest ?? null;
  if (before === null)
    return (
      <span className="small muted" data-delta="">
        <br />
        {t("dashboard.newSince", { day })}
      </span>
    );
  const delta = figureDelta(x.latest.actual, before.actual);
  const text =
    delta === "0"
      ? t("dashboard.unchangedSince", { day })
      : t("dashboard.changeSince", {
          day,
          delta: `${delta.startsWith("-") ? "" : "+"}${formatWithUnit(delta, x.unit)}`,
        });
  return (
    <span className="small" data-delta={delta}>
      <br />
      {text}
    </span>
  );
}
