import { getLocale, getTranslations } from "next-intl/server";
import { getPillarProgress } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { itemsHref, percent, withAsOf } from "./format";
import { PillarList, type PillarEntry } from "./pillar-list";
import { Widget } from "./widget";
import { pillarNameIn, titleIn } from "@/lib/i18n/localized";

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
  const entries = pillars.map((p): PillarEntry => {
    const label = t("pillars.pillar", { number: p.number });
    const page = withAsOf(`/pillars/${p.number}`, selection);
    const v = p.progress ?? 0;
    return {
      number: p.number,
      label,
      href: page,
      name: pillarNameIn(p, locale),
      lang: en ? "en" : "zh-CN",
      actions: [
        t("pillars.actions", { count: p.actions }),
        itemsHref({ pillar: p.number, level: "ACTION" }, selection),
        p.actions,
      ],
      completed: t("pillars.completed", { count: p.completed }),
      overdue:
        p.overdue > 0
          ? [
              t("pillars.overdue", { count: p.overdue }),
              itemsHref({ pillar: p.number, level: "ACTION", overdue: 1 }, selection),
              p.overdue,
            ]
          : null,
      bar: [Math.round(v * 10) / 10, Math.min(100, Math.max(0, v)), percent(p.progress, t("pillars.noProgress"))],
      barLabel: t("pillars.progressOf", { name: label }),
      recsLabel: `${label} · ${t("pillars.recommendations")}`,
      recs: p.recommendations
        .slice(0, RECS_SHOWN)
        .map((r) => [
          `${r.code} ${titleIn(r, locale)}`,
          `${page}#rec-${r.code}`,
          r.status === "CANCELLED" ? tStatus("CANCELLED") : percent(r.progress, t("noValue")),
        ]),
      all:
        p.recommendations.length > RECS_SHOWN
          ? [t("pillars.allRecommendations", { count: p.recommendations.length }), page, p.recommendations.length]
          : null,
    };
  });
  return (
    <Widget id="pillar-progress" title={t("pillars.heading")} wide>
      {pillars.length === 0 ? <p>{t("emptyPortfolio")}</p> : <PillarList pillars={entries} />}
    </Widget>
  );
}
