import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getPeriodRating } from "@/lib/data/ratings";
import { Score, RankingTable, WeightsUsed } from "./ranking-table";

/** The 考评 section of a closed period's page: the ranking (or an editor's own unit's line) and the CSV. */
export async function PeriodRatings({ periodId }: { periodId: number }) {
  const [rating, t] = await Promise.all([getPeriodRating(periodId), getTranslations("ratings")]);
  if (rating === null) return null;
  const own = rating.seesAll ? null : (rating.rows[0] ?? null);
  return (
    <section id="ratings" aria-labelledby="ratings-heading" className="stack">
      <h2 id="ratings-heading">{t("periodHeading")}</h2>
      <WeightsUsed rating={rating} />
      {rating.seesAll ? (
        rating.rows.length === 0 ? (
          <p className="muted">{t("noUnits")}</p>
        ) : (
          <RankingTable rating={rating} testId="period-ratings" />
        )
      ) : own === null ? (
        <p className="muted" data-testid="rating-unit-none">
          {t("noUnit")}
        </p>
      ) : (
        <p data-testid="period-ratings-own">
          {t("dashboard.own", { unit: own.unit })} <Score score={own.score} />
          {" · "}
          {own.rank === null ? t("notRanked") : t("rankOf", { rank: own.rank, count: rating.rankedCount })}
        </p>
      )}
      <p className="small">
        <Link href={`/ratings?period=${periodId}`}>{rating.seesAll ? t("dashboard.all") : t("dashboard.why")}</Link>
        {" · "}
        <a href={`/api/periods/${periodId}/ratings`} download>
          {t("export")}
        </a>
      </p>
    </section>
  );
}
