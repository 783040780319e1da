import { getFormatter, getTranslations } from "next-intl/server";
import type { ItemDetail } from "@/lib/data/items";

export async function ItemMilestones({ milestones }: { milestones: ItemDetail["milestones"] }) {
  const [t, format] = await Promise.all([getTranslations("item"), getFormatter()]);
  if (milestones.length === 0) return <p className="muted">{t("noMilestones")}</p>;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  return (
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
  );
}
