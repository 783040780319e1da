import { getTranslations } from "next-intl/server";
import styles from "./cycle.module.css";

/** A report's state where it matters to readers: 待审核, 已退回 or 草稿. */
export async function ReportStateBadge({ state }: { state: "DRAFT" | "SUBMITTED" | "RETURNED" }) {
  const t = await getTranslations("cycle.state");
  return (
    <span className={`${styles.stateBadge} ${styles[state]}`} data-testid="report-state" data-state={state}>
      {t(state)}
    </span>
  );
}
