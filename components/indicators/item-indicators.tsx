// The item page's 指标: per indicator its baseline, target (and year), latest actual value, 完成度 from baseline
// towards target in the indicator's direction, and a small trend (a server-drawn SVG with the values as a table
// beside it). Live or as of the page's day (the definitions from the item's history, the values reported by
// then). Editors of the item's units add, edit and remove indicators; whoever may report on the item reports
// values; administrators mark 关键指标. Forms show only live: the actions check the same permissions themselves.
import { getTranslations } from "next-intl/server";
import { ConfirmForm } from "@/components/forms/confirm-form";
import { FormMessages } from "@/components/i18n/form-messages";
import { dayFormatter } from "@/components/items/format";
import { removeIndicator } from "@/lib/actions/indicators";
import { getItemIndicators, type ItemIndicator } from "@/lib/data/indicators";
import { formatWithUnit } from "@/lib/indicators";
import { IndicatorForm } from "./indicator-form";
import { IndicatorHeadlineForm } from "./headline-form";
import { Completion, LatestActual, type IndicatorsT } from "./indicator-figures";
import styles from "./indicators.module.css";
import { Sparkline } from "./sparkline";
import { IndicatorValueForm } from "./value-form";

export interface IndicatorPermissions {
  edit: boolean;
  report: boolean;
  headline: boolean;
}

export async function ItemIndicators({
  itemId,
  before,
  asOfDay,
  today,
  may,
}: {
  itemId: number;
  before: Date | null;
  /** the page's "as of" day, or null live */
  asOfDay: string | null;
  today: string;
  may: IndicatorPermissions;
}) {
  const [indicators, t, day] = await Promise.all([
    getItemIndicators(itemId, before),
    getTranslations("indicators"),
    dayFormatter(),
  ]);
  const live = asOfDay === null;
  const body = (
    <div className="stack" data-testid="item-indicators">
      {indicators.length === 0 ? (
        <p className="muted" data-testid="indicators-none">
          {t("none")}
        </p>
      ) : (
        <ul className={styles.list}>
          {indicators.map((x) => (
            <IndicatorEntry key={x.id} x={x} live={live} may={may} today={today} t={t} day={day} />
          ))}
        </ul>
      )}
      {!live && <p className="small muted">{t("asOfNote", { day: asOfDay })}</p>}
      <p className="small muted">{t("completionHint")}</p>
      {live && may.edit && (
        <details data-testid="indicator-add">
          <summary>{t("form.addHeading")}</summary>
          <IndicatorForm mode="add" itemId={itemId} defaultYear={Number(today.slice(0, 4)) + 1} />
        </details>
      )}
    </div>
  );
  // The client forms translate their own messages: the catalogue goes to the page only where they show.
  return live && (may.edit || may.report || may.headline) ? (
    <FormMessages namespaces={["indicators"]}>{body}</FormMessages>
  ) : (
    body
  );
}

function IndicatorEntry({
  x,
  live,
  may,
  today,
  t,
  day,
}: {
  x: ItemIndicator;
  live: boolean;
  may: IndicatorPermissions;
  today: string;
  t: IndicatorsT;
  day: (iso: string | null) => string;
}) {
  const id = `indicator-${x.id}`;
  const first = x.trend[0];
  const last = x.trend.at(-1);
  return (
    <li className={styles.indicator} data-testid="indicator" data-indicator={x.id} aria-labelledby={`${id}-name`}>
      <h3 className={styles.title} id={`${id}-name`}>
        {x.name}
        {x.headline && (
          <>
            {" "}
            <span className="badge" data-testid="indicator-headline">
              {t("headlineBadge")}
            </span>
          </>
        )}
      </h3>
      <dl className={styles.figures}>
        <div>
          <dt>{t("baseline")}</dt>
          <dd data-figure={x.baseline}>{formatWithUnit(x.baseline, x.unit)}</dd>
        </div>
        <div>
          <dt>{t("target")}</dt>
          <dd data-figure={x.target}>
            {t("targetIn", { target: formatWithUnit(x.target, x.unit), year: x.targetYear })}
            <br />
            <span className="small muted">{t(`direction.${x.direction}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t("actual")}</dt>
          <dd data-figure={x.latest?.actual ?? ""} data-testid="indicator-actual">
            <LatestActual x={x} t={t} day={day} />
          </dd>
        </div>
        <div>
          <dt>{t("completion")}</dt>
          <dd data-testid="indicator-completion" data-completion={x.completion ?? ""}>
            <Completion x={x} t={t} />
          </dd>
        </div>
      </dl>
      <div className={styles.trend}>
        <span className="small muted">{t("trend")}</span>
        {first && last ? (
          <>
            <Sparkline
              id={`${id}-trend`}
              points={x.trend}
              label={t("trendLabel", { name: x.name })}
              summary={t("trendSummary", {
                count: x.trend.length,
                first: `${day(first.observedOn)} ${formatWithUnit(first.actual, x.unit)}`,
                last: `${day(last.observedOn)} ${formatWithUnit(last.actual, x.unit)}`,
              })}
            />
            <details>
              <summary className="small">{t("showValues")}</summary>
              <table className="table" data-testid="indicator-values">
                <caption className="small muted">{t("valuesCaption", { name: x.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("day")}</th>
                    <th scope="col" className={styles.number}>
                      {t("value")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...x.trend].reverse().map((p) => (
                    <tr key={p.observedOn}>
                      <th scope="row">{day(p.observedOn)}</th>
                      <td className={styles.number} data-figure={p.actual}>
                        {formatWithUnit(p.actual, x.unit)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        ) : (
          <span className="small muted">{t("trendNone")}</span>
        )}
      </div>
      {live && (may.report || may.edit || may.headline) && (
        <div className={styles.controls}>
          {may.report && (
            <details>
              <summary>{t("valueForm.summary")}</summary>
              <IndicatorValueForm indicatorId={x.id} unit={x.unit} today={today} />
            </details>
          )}
          {may.edit && x.version !== null && (
            <details>
              <summary>{t("form.editSummary")}</summary>
              <IndicatorForm
                mode="edit"
                indicatorId={x.id}
                version={x.version}
                values={{
                  name: x.name,
                  unit: x.unit,
                  baseline: x.baseline,
                  target: x.target,
                  targetYear: String(x.targetYear),
                  direction: x.direction,
                }}
              />
              <ConfirmForm
                action={removeIndicator}
                id={`${id}-remove`}
                label={t("removeStep.open")}
                hidden={{ indicatorId: x.id, expectedVersion: x.version }}
                messages="indicators.removeStep"
                values={{ name: x.name }}
              />
            </details>
          )}
          {may.headline && <IndicatorHeadlineForm indicatorId={x.id} headline={x.headline} />}
        </div>
      )}
    </li>
  );
}
