import { getTranslations } from "next-intl/server";
import type { ItemView } from "@/lib/queries/item-view";
import { dayFormatter } from "./format";
import styles from "./item.module.css";

export async function ItemMilestones({ milestones }: { milestones: ItemView["milestones"] }) {
  const [t, day] = await Promise.all([getTranslations("item"), dayFormatter()]);
  if (milestones.length === 0) return <p className="muted">{t("noMilestones")}</p>;
  return (
    <div className={styles.scroller}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("milestones")}</th>
            <th scope="col">{t("milestonePlanned")}</th>
            <th scope="col">{t("milestoneDone")}</th>
          </tr>
        </thead>
        <tbody>
          {milestones.map((m) => (
            <tr key={m.id}>
              <td>{m.title}</td>
              <td>{day(m.plannedDate)}</td>
              <td>{m.completedDate ? day(m.completedDate) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
