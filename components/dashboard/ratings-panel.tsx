import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RatingPeriodPicker } from "@/components/ratings/period-picker";
import { VIEW_PARAM } from "@/lib/validations/dashboard";
import { Score, WeightsUsed } from "@/components/ratings/ranking-table";
import { getDashboardRating, type UnitRating } from "@/lib/data/ratings";
import { RatingBoard } from "./rating-board";
import { Widget } from "./widget";

/**
 * 考评 红黑榜 of a closed period (the latest by default, or ?ratingPeriod=): the 红榜 and 黑榜 with scores for
 * leadership, coordinators and administrators; an editor sees their own unit's score and rank only.
 */
export async function RatingsPanel({ periodId }: { periodId: number | undefined }) {
  const [data, t, locale, format] = await Promise.all([
    getDashboardRating(periodId),
    getTranslations("ratings"),
    getLocale(),
    getFormatter(),
  ]);
  if (data === null) return null;
  if (data.rating === null)
    return (
      <Widget id="ratings-panel" title={t("dashboard.title")} wide>
        <p className="muted" data-testid="ratings-none">
          {t("noClosed")}
        </p>
      </Widget>
    );
  const { rating, periods } = data;
  const href = `/ratings?period=${rating.period.id}`;
  const label = locale === "en" ? rating.period.labelEn : rating.period.label;
  const board = (which: "RED" | "BLACK") => rating.rows.filter((r) => r.board === which);
  // the score as <Score> shows it, computed here: the list is a client leaf taking one short row per unit
  const score = (v: number | null) =>
    v === null ? t("notScored") : format.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const list = (rows: UnitRating[], testId: string) =>
    rows.length === 0 ? (
      <p className="muted small">{t("dashboard.empty")}</p>
    ) : (
      <RatingBoard
        period={rating.period.id}
        testId={testId}
        rows={rows.map((r) => [
          r.unitId,
          r.unit,
          t("rankOf", { rank: r.rank ?? 0, count: rating.rankedCount }),
          score(r.score),
        ])}
      />
    );
  const own = rating.seesAll ? null : (rating.rows[0] ?? null);
  return (
    <Widget id="ratings-panel" title={t("dashboard.title")} wide>
      <RatingPeriodPicker
        periods={periods}
        selected={rating.period.id}
        action="/"
        param="ratingPeriod"
        keep={{ [VIEW_PARAM]: "units" }}
      />
      <p>
        <Link href={`/periods/${rating.period.id}`} data-testid="ratings-panel-period">
          <strong>{label}</strong>
        </Link>
      </p>
      {rating.seesAll ? (
        <div className="two-col">
          <section aria-labelledby="red-board-heading">
            <h3 id="red-board-heading">{t("board.RED")}</h3>
            {list(board("RED"), "red-board")}
          </section>
          <section aria-labelledby="black-board-heading">
            <h3 id="black-board-heading">{t("board.BLACK")}</h3>
            {list(board("BLACK"), "black-board")}
          </section>
        </div>
      ) : own === null ? (
        <p className="muted" data-testid="rating-unit-none">
          {t("noUnit")}
        </p>
      ) : (
        <p data-testid="ratings-panel-own">
          {t("dashboard.own", { unit: own.unit })} <Score score={own.score} />
          {" · "}
          {own.rank === null ? t("notRanked") : t("rankOf", { rank: own.rank, count: rating.rankedCount })}
        </p>
      )}
      <WeightsUsed rating={rating} />
      <p className="small">
        <Link href={href}>{rating.seesAll ? t("dashboard.all") : t("dashboard.why")}</Link>
      </p>
    </Widget>
  );
}
