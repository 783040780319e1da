import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { PeriodRating, UnitRating } from "@/lib/data/ratings";
import { RATING_COMPONENTS, type Board } from "@/lib/rating";

const BOARD_CLASS: Record<Board, string> = { RED: "badge badge--GREEN", BLACK: "badge badge--RED" };

/** 红榜 / 黑榜 marker of a ranked unit. */
export async function BoardBadge({ board }: { board: Board | null }) {
  if (board === null) return null;
  const t = await getTranslations("ratings.board");
  return (
    <span className={BOARD_CLASS[board]} data-testid="rating-board" data-board={board}>
      {t(board)}
    </span>
  );
}

/** A rate in [0, 1] as a percentage, or "—" when the unit has nothing it counts. */
export async function Rate({ value }: { value: number | null }) {
  const [format, t] = await Promise.all([getFormatter(), getTranslations("ratings")]);
  return <>{value === null ? t("notCounted") : format.number(value, { style: "percent", maximumFractionDigits: 1 })}</>;
}

export async function Score({ score }: { score: number | null }) {
  const [format, t] = await Promise.all([getFormatter(), getTranslations("ratings")]);
  return (
    <>
      {score === null ? t("notScored") : format.number(score, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
    </>
  );
}

/** The weights a period was rated with, and when they were set. */
export async function WeightsUsed({ rating }: { rating: Pick<PeriodRating, "weights"> }) {
  const [t, format] = await Promise.all([getTranslations("ratings"), getFormatter()]);
  const w = rating.weights.weights;
  return (
    <p className="small muted" data-testid="rating-weights">
      {t("weightsUsed", { onTime: w.onTime, firstPass: w.firstPass, overdue: w.overdue, supervision: w.supervision })}{" "}
      {rating.weights.setAt === null
        ? t("weightsDefault")
        : t("weightsSet", {
            at: format.dateTime(rating.weights.setAt, { dateStyle: "medium", timeZone: "Asia/Shanghai" }),
            who: rating.weights.setBy ?? t("someone"),
          })}
    </p>
  );
}

/** The ranking of a closed period: one row per unit the reader may see, best first; each opens its records. */
export async function RankingTable({ rating, testId = "rating-ranking" }: { rating: PeriodRating; testId?: string }) {
  const [t, tSide] = await Promise.all([getTranslations("ratings"), getTranslations("side")]);
  const href = (r: UnitRating) => `/ratings?period=${rating.period.id}&unit=${r.unitId}`;
  return (
    <DataTable
      testId={testId}
      scroll
      columns={[
        t("col.rank"),
        t("col.unit"),
        t("col.side"),
        t("col.score"),
        ...RATING_COMPONENTS.map((k) => t(`component.${k}`)),
        t("col.board"),
      ]}
    >
      {rating.rows.map((r) => (
        <tr key={r.unitId} data-testid="rating-row" data-unit={r.unitId}>
          <td data-testid="rating-rank">
            {r.rank === null ? t("notRanked") : t("rankOf", { rank: r.rank, count: rating.rankedCount })}
          </td>
          <th scope="row">
            <Link href={href(r)}>{r.unit}</Link>
          </th>
          <td>{tSide(r.side)}</td>
          <td data-testid="rating-score">
            <strong>
              <Score score={r.score} />
            </strong>
          </td>
          {RATING_COMPONENTS.map((k) => (
            <td key={k} data-testid={`rating-${k}`}>
              <Rate value={r.components[k]} />
            </td>
          ))}
          <td>
            <BoardBadge board={r.board} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
