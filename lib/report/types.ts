// The status report's data: one plain, serialisable object built once per request (lib/queries/report.ts) and
// rendered by every format (XLSX, CSV, DOCX, PDF, JSON, the print preview). Renderers never query the
// database, so every format shows exactly the same numbers for the same scope and date.
import type { Confidence, ItemLevel, ItemStatus, Side } from "../generated/prisma/enums";
import type { Locale } from "../i18n/locales";
import type { IndicatorFields } from "../indicators";
import type { Board, RatingComponents, RatingCounts, RatingWeights } from "../rating";

/** What the report covers. "filters" reuses the items list's URL filters (lib/validations/browse.ts). */
export type ReportScope =
  | { kind: "all" }
  | { kind: "pillar"; pillarNumber: number }
  | { kind: "unit"; unitId: number }
  | { kind: "side"; side: Side }
  | { kind: "region"; regionId: number }
  | { kind: "filters"; search: string };

export type ReportFormat = "xlsx" | "csv" | "docx" | "pdf" | "json";

/** A closed reporting period whose close instant a report is taken as of. */
export interface ReportPeriod {
  id: number;
  label: string;
  labelEn: string;
  /** ISO instant of the close (reporting_periods.closed_at) */
  closedAt: string;
}

/** A reporting period as the report's period choice reads it (closedAt null: not closed yet). */
export interface ReportPeriodChoice {
  id: number;
  label: string;
  labelEn: string;
  closedAt: Date | null;
}

export interface ReportRequest {
  scope: ReportScope;
  /**
   * When given, the report shows the portfolio at this period's close instant instead of the end of the as-of
   * day; asOf is then the China day of that instant (lib/validations/report.ts sets both).
   */
  period?: ReportPeriod | null;
  /** YYYY-MM-DD: the report shows the portfolio at the end of this day (China), rebuilt from history */
  asOf: string;
  /** YYYY-MM-DD, earlier than asOf: "changes since" is computed between the two; null = no comparison */
  compare: string | null;
  locale: Locale;
}

/** One item as it stood at the end of the as-of day. Dates are YYYY-MM-DD; progress is 0–100. */
export interface ReportItem {
  code: string;
  pillarNumber: number;
  pillarTitle: string;
  level: ItemLevel;
  title: string;
  leadUnit: string | null;
  coLeadUnit: string | null;
  supportingUnits: string[];
  responsiblePerson: string | null;
  status: ItemStatus;
  confidence: Confidence | null;
  /** rolled-up progress (lib/queries/rollup.ts) */
  progress: number;
  /** the progress is rolled up from the item's children (a recommendation with actions), not reported on it */
  rolledUp: boolean;
  /** progress reported on the item itself (null = none yet): what an import round-trips */
  reportedProgress: number | null;
  startDate: string | null;
  dueDate: string | null;
  originalDueDate: string | null;
  /** dueDate − originalDueDate in days (positive = later), null when either is missing */
  slippageDays: number | null;
  overdue: boolean;
  daysOverdue: number | null;
  /** ISO timestamp of the latest progress update before the end of the as-of day */
  lastUpdateAt: string | null;
  /** item version at the as-of moment (an import of this file checks it for conflicts) */
  version: number;
  /** 总投资 at the as-of moment, 万元 as a decimal string ("12345.67"); null: none */
  totalInvestment: string | null;
  /** the report year's (ReportInvestment.year) 计划投资 and 完成投资, 万元 as decimal strings; null: none */
  plannedInvestment: string | null;
  completedInvestment: string | null;
  /** 完成投资 ÷ 计划投资 as a percentage to one decimal ("85.3"); null without a positive plan */
  investmentRate: string | null;
}

export interface ReportHeadline {
  items: number;
  overallProgress: number | null;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  completed: number;
  overdue: number;
  stale: number;
}

export interface ReportPillar {
  number: number;
  title: string;
  progress: number | null;
  items: number;
  completed: number;
  overdue: number;
}

/** One line of the investment table: amounts in 万元 as decimal strings, the rate as "85.3" or null. */
export interface ReportInvestmentFigures {
  /** items with any investment figure */
  items: number;
  total: string;
  planned: string;
  completed: string;
  rate: string | null;
}

/** The scope's investment for the report year (lib/queries/investment.ts, the one definition of each figure). */
export interface ReportInvestment {
  /** the as-of day's year: the year whose 计划投资 and 完成投资 the report shows */
  year: number;
  /** pillars with any investment figure, by number */
  pillars: (ReportInvestmentFigures & { number: number; title: string })[];
  total: ReportInvestmentFigures;
}

/**
 * One 指标 of an item in scope as it stood at the report's moment (lib/queries/indicators.ts, the one definition:
 * the definition from the item's history, the latest value reported by then). Figures are decimal strings
 * ("120.5"), never JavaScript numbers; 完成度 is percent to one decimal ("24.1", may be negative or over 100).
 */
export interface ReportIndicator extends IndicatorFields {
  /** the item's code and title (in the report's language) */
  code: string;
  title: string;
  /** the latest value in force at the report's moment; null before any was reported */
  actual: string | null;
  /** YYYY-MM-DD: the day that value is as at */
  observedOn: string | null;
  completion: string | null;
}

export interface ReportUnit {
  unit: string;
  side: Side;
  items: number;
  averageProgress: number | null;
  overdue: number;
  stale: number;
  daysSinceLastUpdate: number | null;
}

export interface ReportUpdate {
  code: string;
  title: string;
  unit: string | null;
  author: string | null;
  at: string;
  status: ItemStatus;
  progress: number;
  confidence: Confidence;
  note: string;
}

export interface ReportChanges {
  /** the compare date (YYYY-MM-DD) */
  since: string;
  newlyCompleted: { code: string; title: string; leadUnit: string | null }[];
  newlyOverdue: { code: string; title: string; leadUnit: string | null; dueDate: string | null }[];
  statusDowngrades: {
    code: string;
    title: string;
    from: ItemStatus | Confidence;
    to: ItemStatus | Confidence;
    kind: "status" | "confidence";
  }[];
  dueDateRevisions: {
    code: string;
    title: string;
    from: string | null;
    to: string | null;
    reason: string | null;
    at: string;
  }[];
  /** largest absolute progress moves, biggest first */
  progressMoves: { code: string; title: string; from: number; to: number; delta: number }[];
}

/** One unit's 考评 in the report: the ratings page's row (lib/queries/ratings.ts queryPeriodRanking). */
export interface ReportRatingRow {
  unitId: number;
  unit: string;
  side: Side;
  /** 1-based, equal scores share one; null: not scored, not ranked */
  rank: number | null;
  /** score 0–100 to one decimal; null: nothing to weigh */
  score: number | null;
  /** 按时报送率, 一次通过率, 逾期事项 (1 − overdue ÷ items), 督办按时反馈率: each in [0, 1], null when not counted */
  components: RatingComponents;
  /** what the components count (obligations, reviews, items in force and overdue at the close, 督办) */
  counts: RatingCounts;
  board: Board | null;
}

/** The 考评 (红黑榜) of one closed period, as the report's reader may see it. */
export interface ReportRatings {
  /** the period rated: the report's own period, else the latest closed at or before the as-of instant */
  period: ReportPeriod;
  /** the weights in force at the period's close */
  weights: RatingWeights;
  /** ISO instant the weights were set; null: the defaults, never changed */
  weightsSetAt: string | null;
  weightsSetBy: string | null;
  /** units ranked (scored) in the period, whether or not the reader sees their rows */
  rankedCount: number;
  /** the reader sees every unit's row and the 红黑榜; false: their own unit's row only (rows may be empty) */
  seesAll: boolean;
  /** best first, the unscored last */
  rows: ReportRatingRow[];
}

export interface ReportData {
  /** human-readable scope, in the report's language */
  scopeLabel: string;
  scope: ReportScope;
  asOf: string;
  /** the closed period the report is taken as of (at its close instant), when asked for */
  period?: ReportPeriod | null;
  compare: string | null;
  locale: Locale;
  generatedAt: string;
  /** 示例数据 is loaded: every format says so, so fictional figures never pass for real ones in a meeting */
  sampleData: boolean;
  headline: ReportHeadline;
  pillars: ReportPillar[];
  /** every item in scope (recommendations and actions), by code */
  items: ReportItem[];
  /** overdue or off-track (RED) open items, most overdue first */
  lagging: ReportItem[];
  units: ReportUnit[];
  investment: ReportInvestment;
  /** every 指标 of the items in scope, by item code then the item's order of its indicators */
  indicators: ReportIndicator[];
  recentUpdates: ReportUpdate[];
  changes: ReportChanges | null;
  /** the 考评 of the report's closed period (or the latest closed by asOf); null when none had closed by then */
  ratings: ReportRatings | null;
}
