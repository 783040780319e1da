import { getTranslations } from "next-intl/server";
import type { ItemView } from "@/lib/queries/item-view";
import { UpdateHeader } from "./item-updates";
import styles from "./item.module.css";

/** For a jointly led item: each side's latest report side by side, flagged when they disagree. */
export async function ItemSides({ sides }: { sides: NonNullable<ItemView["sides"]> }) {
  const [t, tSide] = await Promise.all([getTranslations("item"), getTranslations("side")]);
  return (
    <>
      <p
        className={sides.disagree ? styles.disagree : "small muted"}
        role={sides.disagree ? "alert" : undefined}
        data-testid="sides-verdict"
      >
        {sides.disagree ? t("disagree") : sides.reports.every((r) => r.update) ? t("agree") : null}
      </p>
      <div className={styles.sides} data-testid="side-reports">
        {sides.reports.map((r) => (
          <div key={r.side} className={styles.side} data-side={r.side}>
            <h3>{t("sideLatest", { side: tSide(r.side) })}</h3>
            {r.update ? (
              <>
                <UpdateHeader u={r.update} />
                <p className={styles.note}>{r.update.note}</p>
              </>
            ) : (
              <p className="muted small">{t("noSideReport")}</p>
            )}
          </div>
        ))}
      </div>
    </>
  );
}
