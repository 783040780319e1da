import { getTranslations } from "next-intl/server";
import { getHeadline } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import styles from "./dashboard.module.css";
import { itemsHref, percent } from "./format";
import { HeadlineList, type HeadlineRow } from "./headline-list";
import { Widget } from "./widget";

export async function HeadlineFigures({ selection }: { selection: AsOfSelection }) {
  const [h, t] = await Promise.all([getHeadline(selection), getTranslations("dashboard")]);
  const list = (filters: Parameters<typeof itemsHref>[0]) => itemsHref({ level: "ACTION", ...filters }, selection);
  const rows: HeadlineRow[] = [
    ["items", t("headline.items"), String(h.items), list({}), ""],
    ["overall", t("headline.overall"), percent(h.overall, t("noValue")), null, ""],
    ["green", t("headline.green"), String(h.green), list({ open: 1, confidence: "GREEN" }), styles.figureGreen!],
    ["amber", t("headline.amber"), String(h.amber), list({ open: 1, confidence: "AMBER" }), styles.figureAmber!],
    ["red", t("headline.red"), String(h.red), list({ open: 1, confidence: "RED" }), styles.figureRed!],
    ["completed", t("headline.completed"), String(h.completed), list({ status: "COMPLETED" }), ""],
    ["overdue", t("headline.overdue"), String(h.overdue), list({ overdue: 1 }), ""],
    ["stale", t("headline.stale"), String(h.stale), list({ stale: 1 }), ""],
  ];
  return (
    <Widget id="headline" title={t("headline.heading")} wide>
      {h.items === 0 ? (
        <p>{t("emptyPortfolio")}</p>
      ) : (
        <>
          <HeadlineList rows={rows} />
          <p className={styles.note}>{t("headline.confidenceNote")}</p>
        </>
      )}
    </Widget>
  );
}
