import { getLocale, getTranslations } from "next-intl/server";
import { LightBadge } from "@/components/ui/light-badge";
import { getItemLightCounts } from "@/lib/data/item-lights";
import { ITEM_LIGHTS } from "@/lib/item-light";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { titleIn } from "@/lib/i18n/localized";
import styles from "./dashboard.module.css";
import { ItemLightsTable, type LightRow } from "./item-lights-table";
import { Widget } from "./widget";

/** 事项红黄灯: open action items by light per pillar; each number opens the list filtered the same way. */
export async function ItemLightsPanel({ selection }: { selection: AsOfSelection }) {
  const [{ pillars, workdays }, t, tDash, locale] = await Promise.all([
    getItemLightCounts(selection),
    getTranslations("lights"),
    getTranslations("dashboard"),
    getLocale(),
  ]);
  const rows: LightRow[] = pillars.map((p) => [
    p.number,
    `${tDash("pillars.pillar", { number: p.number })} ${titleIn(p, locale)}`,
    p.red,
    p.amber,
    p.green,
  ]);
  const sum = (i: 2 | 3 | 4) => rows.reduce((n, r) => n + r[i], 0);
  const total: LightRow = [null, t("panel.total"), sum(2), sum(3), sum(4)];
  const lit = total[2] + total[3] + total[4] > 0;
  return (
    <Widget id="item-lights" title={t("panel.heading")} wide>
      <p className="muted small">{t("panel.intro", { date: selection.day })}</p>
      {!lit ? (
        <p>{t("panel.empty")}</p>
      ) : (
        <div className={styles.tableWrap}>
          <ItemLightsTable
            rows={[...rows, total]}
            asOf={selection.asOf}
            pillarHead={t("panel.pillar")}
            badges={ITEM_LIGHTS.map((l) => (
              <LightBadge key={l} light={l} />
            ))}
            lightNames={ITEM_LIGHTS.map((l) => t("text", { name: t(`name.${l}`), meaning: t(`meaning.${l}`) }))}
            // the placeholders are filled in per count by the table
            countName={t("panel.count", { where: "{where}", light: "{light}", count: "{count}" })}
          />
        </div>
      )}
      <p className="small muted">{t("rule", { days: workdays })}</p>
    </Widget>
  );
}
