import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LightBadge } from "@/components/ui/light-badge";
import { getItemLightCounts } from "@/lib/data/item-lights";
import { ITEM_LIGHTS, type ItemLight } from "@/lib/item-light";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { titleIn } from "@/lib/i18n/localized";
import styles from "./dashboard.module.css";
import { itemsHref } from "./format";
import { Widget } from "./widget";

const KEY = { RED: "red", AMBER: "amber", GREEN: "green" } as const;

/** 事项红黄灯: open action items by light per pillar; each number opens the list filtered the same way. */
export async function ItemLightsPanel({ selection }: { selection: AsOfSelection }) {
  const [{ pillars, workdays }, t, tDash, locale] = await Promise.all([
    getItemLightCounts(selection),
    getTranslations("lights"),
    getTranslations("dashboard"),
    getLocale(),
  ]);
  const name = (l: ItemLight) => t("text", { name: t(`name.${l}`), meaning: t(`meaning.${l}`) });
  const total = (l: ItemLight) => pillars.reduce((n, p) => n + p[KEY[l]], 0);
  const count = (l: ItemLight, n: number, pillar: number | null, label: string) => (
    <Link
      href={itemsHref({ ...(pillar === null ? {} : { pillar }), level: "ACTION", light: l }, selection)}
      data-count={n}
      data-light={l}
      aria-label={t("panel.count", { where: label, light: name(l), count: n })}
    >
      {n}
    </Link>
  );
  const lit = ITEM_LIGHTS.some((l) => total(l) > 0);
  return (
    <Widget id="item-lights" title={t("panel.heading")} wide>
      <p className="muted small">{t("panel.intro", { date: selection.day })}</p>
      {!lit ? (
        <p>{t("panel.empty")}</p>
      ) : (
        <div className={styles.tableWrap}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("panel.pillar")}</th>
                {ITEM_LIGHTS.map((l) => (
                  <th scope="col" key={l} className={styles.num}>
                    <LightBadge light={l} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {pillars.map((p) => {
                const label = `${tDash("pillars.pillar", { number: p.number })} ${titleIn(p, locale)}`;
                return (
                  <tr key={p.number} data-pillar={p.number}>
                    <th scope="row">{label}</th>
                    {ITEM_LIGHTS.map((l) => (
                      <td key={l} className={styles.num}>
                        {count(l, p[KEY[l]], p.number, label)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("panel.total")}</th>
                {ITEM_LIGHTS.map((l) => (
                  <td key={l} className={styles.num}>
                    {count(l, total(l), null, t("panel.total"))}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p className="small muted">{t("rule", { days: workdays })}</p>
    </Widget>
  );
}
