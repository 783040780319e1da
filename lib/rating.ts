// 考评: the rating of a unit for a closed reporting period, and the 红黑榜 (ranking) of the units. The formula is
// here, once; lib/queries/ratings.ts counts the records it reads (README, "考评 and 红黑榜", says the same).
//
// Four components, each a rate in [0, 1] (1 is best), from the period's frozen records:
//   onTime      按时报送率      the unit's obligations of the period whose frozen outcome is ON_TIME
//                               ÷ all its obligations (LATE, MISSING and RETURNED count against it);
//   firstPass   一次通过率      reports answering its obligations that were APPROVED at the close without a RETURN
//                               in their review trail before the close ÷ those reviewed by the close (approved
//                               at the close, or returned at least once before it);
//   overdue     逾期事项        1 − (its action items overdue at the close ÷ its action items in force at the
//                               close): lead or co-lead, not retired, not cancelled, from period_item_states;
//                               overdue = not completed and due before the close day, as the 情况通报 counts;
//   supervision 督办按时反馈率  督办 it received in the period (issued on a day of the period, before the close)
//                               answered by the end of their reply-by day and before the close ÷ those received,
//                               less those still pending at the close (reply-by day not over, no answer yet).
// score = 100 × Σ wᵢ·cᵢ ÷ Σ wᵢ over the components the unit has records for (a component with nothing to
// count — no obligations, no reviewed report, no item, no 督办 due — is left out and its weight shared by the
// rest); no component at all, or only ones weighted 0: no score, not ranked. Weights are whole numbers 0–100
// set by administrators (rating_weights); a period is rated with the weights in force at its close.
// Rank: by score (one decimal) descending, equal scores share a rank (1, 2, 2, 4). 红榜: the best
// min(3, ⌊n/2⌋) ranks; 黑榜: the worst min(3, ⌊n/2⌋) ranks of the rest (n = units ranked).

export const RATING_COMPONENTS = ["onTime", "firstPass", "overdue", "supervision"] as const;
export type RatingComponent = (typeof RATING_COMPONENTS)[number];
export type RatingWeights = Record<RatingComponent, number>;

/** The weights until an administrator sets others (also the first row of rating_weights). */
export const DEFAULT_RATING_WEIGHTS: RatingWeights = { onTime: 40, firstPass: 30, overdue: 20, supervision: 10 };
/** Each weight's range (the database checks it too: rating_weights_ranges), and their sum must be above 0. */
export const RATING_WEIGHT_RANGE = [0, 100] as const;
/** How many ranks the 红榜 and the 黑榜 show at most. */
export const BOARD_SIZE = 3;

/** What the rating counts for one unit and one closed period (lib/queries/ratings.ts). */
export interface RatingCounts {
  /** obligations of the period, and their frozen outcomes */
  obligations: number;
  onTime: number;
  late: number;
  missing: number;
  returned: number;
  /** answering reports reviewed by the close (approved then, or returned before it) */
  reviewed: number;
  /** of those, approved without any RETURN before the close */
  firstPass: number;
  /** action items in force at the close (lead or co-lead), and of those overdue then */
  items: number;
  overdue: number;
  /** 督办 received in the period; answered by their reply-by day; not yet due (and unanswered) at the close */
  supervisions: number;
  answeredOnTime: number;
  pending: number;
}

export type RatingComponents = Record<RatingComponent, number | null>;

/** Each component in [0, 1], or null when the unit has nothing it counts. */
export function ratingComponents(c: RatingCounts): RatingComponents {
  const judged = c.supervisions - c.pending;
  return {
    onTime: c.obligations > 0 ? c.onTime / c.obligations : null,
    firstPass: c.reviewed > 0 ? c.firstPass / c.reviewed : null,
    overdue: c.items > 0 ? 1 - c.overdue / c.items : null,
    supervision: judged > 0 ? c.answeredOnTime / judged : null,
  };
}

/** 100 × Σ wᵢcᵢ ÷ Σ wᵢ over the components that are not null, to one decimal; null when nothing is weighed. */
export function ratingScore(components: RatingComponents, weights: RatingWeights): number | null {
  let weighted = 0;
  let total = 0;
  for (const k of RATING_COMPONENTS) {
    const value = components[k];
    if (value === null) continue;
    weighted += weights[k] * value;
    total += weights[k];
  }
  if (total === 0) return null;
  // The tiny epsilon keeps a score of exactly x.x5 from rounding down on a binary fraction's error.
  return Math.round((1000 * weighted) / total + 1e-9) / 10;
}

export type Board = "RED" | "BLACK";

export interface Ranked {
  /** 1-based; equal scores share one; null when not scored */
  rank: number | null;
  board: Board | null;
}

/**
 * The 红黑榜 over `rows` (any order): each row with its rank and board, best first, then the unscored by name.
 */
export function rankRatings<T extends { score: number | null; unit: string }>(rows: readonly T[]): (T & Ranked)[] {
  const byName = (a: T, b: T) => a.unit.localeCompare(b.unit, "zh-CN");
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score! || byName(a, b));
  const unscored = rows.filter((r) => r.score === null).sort(byName);
  const n = scored.length;
  const size = Math.min(BOARD_SIZE, Math.floor(n / 2));
  const ranked = scored.map((r) => {
    const rank = 1 + scored.filter((o) => o.score! > r.score!).length;
    const fromBottom = 1 + scored.filter((o) => o.score! < r.score!).length;
    const board: Board | null = rank <= size ? "RED" : fromBottom <= size ? "BLACK" : null;
    return { ...r, rank, board };
  });
  return [...ranked, ...unscored.map((r) => ({ ...r, rank: null, board: null }))];
}

/**
 * Which units' ratings a reader sees (lib/data/ratings.ts ratingView decides it from the signed-in user):
 * every unit's, with the 红黑榜; or one unit's own figures only (unitId null: none at all).
 */
export type RatingView = { all: true } | { all: false; unitId: number | null };

export const ALL_RATINGS: RatingView = { all: true };

/** Whether `view` shows the rating of `unitId`. */
export function inRatingView(view: RatingView, unitId: number): boolean {
  return view.all || view.unitId === unitId;
}

/** The view as a short key (a cache key part: two readers with one key see exactly the same rows). */
export function ratingViewKey(view: RatingView): string {
  return view.all ? "all" : view.unitId === null ? "none" : `unit:${view.unitId}`;
}
