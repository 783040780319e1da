import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { RatingPeriodPicker } from "@/components/ratings/period-picker";
import { RankingTable, WeightsUsed } from "@/components/ratings/ranking-table";
import { UnitRatingDetail } from "@/components/ratings/unit-detail";
import { getRatingsPage } from "@/lib/data/ratings";
import { ratingsPageParamsSchema } from "@/lib/validations/ratings";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("ratings");
  return { title: t("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** 考评 and 红黑榜 of a closed period; an editor sees their own unit's figures and the records behind them. */
export default async function RatingsPage({ searchParams }: { searchParams: Search }) {
  const raw = await searchParams;
  const params = ratingsPageParamsSchema.parse({
    period: typeof raw.period === "string" ? raw.period : undefined,
    unit: typeof raw.unit === "string" ? raw.unit : undefined,
  });
  const [{ periods, rating, detail }, t, locale] = await Promise.all([
    getRatingsPage(params),
    getTranslations("ratings"),
    getLocale(),
  ]);
  if (rating === null)
    return (
      <section className="stack">
        <h1>{t("title")}</h1>
        <p className="muted" data-testid="ratings-none">
          {t("noClosed")}
        </p>
      </section>
    );
  const label = locale === "en" ? rating.period.labelEn : rating.period.label;
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <p className="small">{rating.seesAll ? t("intro") : t("introOwn")}</p>
      <RatingPeriodPicker periods={periods} selected={rating.period.id} action="/ratings" />
      <h2 data-testid="ratings-period">
        <Link href={`/periods/${rating.period.id}`}>{label}</Link>
      </h2>
      <WeightsUsed rating={rating} />
      {rating.seesAll ? (
        <>
          <h2>{t("ranking")}</h2>
          {rating.rows.length === 0 ? <p className="muted">{t("noUnits")}</p> : <RankingTable rating={rating} />}
          <p className="small">
            <a href={`/api/periods/${rating.period.id}/ratings`} download>
              {t("export")}
            </a>
          </p>
        </>
      ) : null}
      {detail ? (
        <UnitRatingDetail rating={rating} unitName={detail.unitName} unit={detail.unit} records={detail.records} />
      ) : rating.seesAll ? (
        <p className="small muted">{t("pickUnit")}</p>
      ) : (
        <p className="muted" data-testid="rating-unit-none">
          {t("noUnit")}
        </p>
      )}
    </section>
  );
}
