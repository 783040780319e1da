import { getLocale, getTranslations } from "next-intl/server";
import type { RatedPeriod } from "@/lib/data/ratings";

/** Picks a closed period by a GET form (no script needed): ?<param>=ID on `action`, with the `keep` parameters. */
export async function RatingPeriodPicker({
  periods,
  selected,
  action,
  param = "period",
  keep = {},
}: {
  periods: RatedPeriod[];
  selected: number;
  action: string;
  param?: string;
  /** other parameters the form sends as they are (the dashboard's view) */
  keep?: Record<string, string>;
}) {
  const [t, locale] = await Promise.all([getTranslations("ratings"), getLocale()]);
  const id = `rating-${param}`;
  return (
    <form method="get" action={action} className="inline" data-testid="rating-period-picker">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id}>{t("pickPeriod")}</label>{" "}
      <select id={id} name={param} defaultValue={String(selected)}>
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {locale === "en" ? p.labelEn : p.label}
          </option>
        ))}
      </select>{" "}
      <button type="submit">{t("show")}</button>
    </form>
  );
}
