import { getTranslations } from "next-intl/server";
import type { AsOfSelection } from "@/lib/as-of-selection";
import styles from "./as-of-control.module.css";

/** Says plainly that the page shows a reconstructed past state (and what it is compared with). */
export async function AsOfBanner({ selection }: { selection: AsOfSelection }) {
  if (selection.asOf === null && selection.compare === null) return null;
  const t = await getTranslations("asOf");
  return (
    <div className={styles.banner} role="note" data-testid="as-of-banner">
      {selection.asOf !== null ? <p>{t("banner", { date: selection.asOf })}</p> : null}
      {selection.compare !== null ? (
        <p>{t("compareBanner", { from: selection.compare, to: selection.asOf ?? selection.today })}</p>
      ) : null}
    </div>
  );
}
