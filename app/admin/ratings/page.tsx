import { getFormatter, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { RatingWeightsForm } from "@/components/ratings/weights-form";
import { DataTable } from "@/components/ui/data-table";
import { getRatingSettings } from "@/lib/data/ratings";
import { RATING_COMPONENTS } from "@/lib/rating";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("ratings.settings");
  return { title: t("title") };
}

/** The 考评's weights: the ones in force, the form, and every earlier setting. */
export default async function RatingSettingsPage() {
  const [{ current, history }, t, tRatings, format] = await Promise.all([
    getRatingSettings(),
    getTranslations("ratings.settings"),
    getTranslations("ratings"),
    getFormatter(),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <AdminNav current="ratings" />
      <p className="small">{t("intro")}</p>
      <p className="small muted">{tRatings("formula")}</p>
      <Card id="weights-heading" heading={t("heading")}>
        <RatingWeightsForm weights={current.weights} />
      </Card>
      <h2>{t("history")}</h2>
      <DataTable
        testId="rating-weights-history"
        columns={[t("colSet"), ...RATING_COMPONENTS.map((k) => tRatings(`component.${k}`)), t("colBy")]}
      >
        {history.map((h) => (
          <tr key={h.id}>
            <td>{h.setAt === null ? t("defaults") : when(h.setAt)}</td>
            {RATING_COMPONENTS.map((k) => (
              <td key={k}>{h.weights[k]}</td>
            ))}
            <td>{h.setBy ?? t("system")}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
