"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { ReportHappened } from "@/lib/writes/reports";
import styles from "./cycle.module.css";

/**
 * What happened to a report since the form was loaded, when a step was refused for it: its last step, who took
 * it, when, and their comment — so a coordinator who lost a race, or a unit whose report was decided meanwhile,
 * knows what the report is now.
 */
export function ReportHappenedNotice({ happened }: { happened: ReportHappened | undefined }) {
  const t = useTranslations("cycle");
  const format = useFormatter();
  if (!happened?.action) return null;
  return (
    <p className={`small ${styles.happened}`} data-testid="report-happened">
      {t("happened", {
        action: t(`action.${happened.action}` as never),
        by: happened.by ?? t("system"),
        at: happened.at ? format.dateTime(new Date(happened.at), { dateStyle: "medium", timeStyle: "short" }) : "",
      })}
      {happened.comment && <> {t("commentQuoted", { comment: happened.comment })}</>}
    </p>
  );
}
