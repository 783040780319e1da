import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getPillarProgress } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import styles from "./dashboard.module.css";
import { itemsHref, percent, withAsOf } from "./format";
import { Widget } from "./widget";
import { pillarNameIn, titleIn } from "@/lib/i18n/localized";

function Bar({ value, label, none }: { value: number | null; label: string; none: string }) {
  const v = value ?? 0;
  return (
    <div className={styles.bar}>
      <div
        className={styles.barTrack}
        role="progressbar"
        aria-label={label}
        aria-valuenow={Math.round(v * 10) / 10}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div className={styles.barFill} style={{ width: `${Math.min(100, Math.max(0, v))}%` }} />
      </div>
      <span className={styles.barValue} data-testid="pillar-progress-value">
        {percent(value, none)}
      </span>
    </div>
  );
}

/** Recommendations listed per pillar; the pillar page lists them all (a large portfolio has hundreds). */
const RECS_SHOWN = 8;

/** The central ask: each pillar's rolled-up progress, its recommendations one click away. */
export async function PillarProgressPanel({ selection }: { selection: AsOfSelection }) {
  const [pillars, t, tStatus, locale] = await Promise.all([
    getPillarProgress(selection),
    getTranslations("dashboard"),
    getTranslations("status"),
    getLocale(),
  ]);
  const en = locale === "en";
  return (
    <Widget id="pillar-progress" title={t("pillars.heading")} wide>
      {pillars.length === 0 ? (
        <p>{t("emptyPortfolio")}</p>
      ) : (
        <ol className={styles.pillars}>
          {pillars.map((p) => {
            const name = pillarNameIn(p, locale);
            return (
              <li key={p.number} className={styles.pillar} data-testid={`pillar-${p.number}`}>
                <div className={styles.pillarHead}>
                  <h3>
                    <Link href={withAsOf(`/pillars/${p.number}`, selection)}>
                      {t("pillars.pillar", { number: p.number })}
                    </Link>{" "}
                    <span lang={en ? "en" : "zh-CN"}>{name}</span>
                  </h3>
                  <span className={styles.meta}>
                    <Link href={itemsHref({ pillar: p.number, level: "ACTION" }, selection)} data-count={p.actions}>
                      {t("pillars.actions", { count: p.actions })}
                    </Link>
                    <span>{t("pillars.completed", { count: p.completed })}</span>
                    {p.overdue > 0 ? (
                      <Link
                        href={itemsHref({ pillar: p.number, level: "ACTION", overdue: 1 }, selection)}
                        data-count={p.overdue}
                      >
                        {t("pillars.overdue", { count: p.overdue })}
                      </Link>
                    ) : null}
                  </span>
                </div>
                <Bar
                  value={p.progress}
                  label={t("pillars.progressOf", { name: t("pillars.pillar", { number: p.number }) })}
                  none={t("pillars.noProgress")}
                />
                <ul
                  className={styles.recs}
                  aria-label={`${t("pillars.pillar", { number: p.number })} · ${t("pillars.recommendations")}`}
                >
                  {p.recommendations.slice(0, RECS_SHOWN).map((r) => (
                    <li key={r.code}>
                      <Link href={withAsOf(`/pillars/${p.number}`, selection) + `#rec-${r.code}`}>
                        {r.code} {titleIn(r, locale)}
                      </Link>
                      <span>{r.status === "CANCELLED" ? tStatus("CANCELLED") : percent(r.progress, t("noValue"))}</span>
                    </li>
                  ))}
                  {p.recommendations.length > RECS_SHOWN ? (
                    <li>
                      <Link
                        href={withAsOf(`/pillars/${p.number}`, selection)}
                        data-count={p.recommendations.length}
                        data-count-rows="recommendation"
                      >
                        {t("pillars.allRecommendations", { count: p.recommendations.length })}
                      </Link>
                    </li>
                  ) : null}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </Widget>
  );
}
