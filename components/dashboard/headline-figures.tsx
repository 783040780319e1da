import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getHeadline } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import styles from "./dashboard.module.css";
import { itemsHref, percent } from "./format";
import { Widget } from "./widget";

export async function HeadlineFigures({ selection }: { selection: AsOfSelection }) {
  const [h, t] = await Promise.all([getHeadline(selection), getTranslations("dashboard")]);
  const figure = (key: string, label: string, value: string, href: string | null, tone?: string) => (
    <div className={`${styles.figure} ${tone ?? ""}`} data-testid={`headline-${key}`}>
      <dt>{label}</dt>
      <dd>
        {href ? (
          <Link href={href} data-count={value}>
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
    </div>
  );
  return (
    <Widget id="headline" title={t("headline.heading")} wide>
      {h.items === 0 ? (
        <p>{t("emptyPortfolio")}</p>
      ) : (
        <>
          <dl className={styles.figures}>
            {figure("items", t("headline.items"), String(h.items), itemsHref({ level: "ACTION" }, selection))}
            {figure("overall", t("headline.overall"), percent(h.overall, t("noValue")), null)}
            {figure(
              "green",
              t("headline.green"),
              String(h.green),
              itemsHref({ level: "ACTION", open: 1, confidence: "GREEN" }, selection),
              styles.figureGreen,
            )}
            {figure(
              "amber",
              t("headline.amber"),
              String(h.amber),
              itemsHref({ level: "ACTION", open: 1, confidence: "AMBER" }, selection),
              styles.figureAmber,
            )}
            {figure(
              "red",
              t("headline.red"),
              String(h.red),
              itemsHref({ level: "ACTION", open: 1, confidence: "RED" }, selection),
              styles.figureRed,
            )}
            {figure(
              "completed",
              t("headline.completed"),
              String(h.completed),
              itemsHref({ level: "ACTION", status: "COMPLETED" }, selection),
            )}
            {figure(
              "overdue",
              t("headline.overdue"),
              String(h.overdue),
              itemsHref({ level: "ACTION", overdue: 1 }, selection),
            )}
            {figure("stale", t("headline.stale"), String(h.stale), itemsHref({ level: "ACTION", stale: 1 }, selection))}
          </dl>
          <p className={styles.note}>{t("headline.confidenceNote")}</p>
        </>
      )}
    </Widget>
  );
}
