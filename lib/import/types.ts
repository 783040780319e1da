// What an import answers (types only, safe for client components): the problems that stop a file, the
// per-row, per-cell plan of what it would change, and the result of applying it.

/**
 * One thing wrong with the file. `row` is the row number as Excel shows it (the header is row 1; null = the
 * file as a whole); `column` is the header text as written in the file's language (null = the whole row).
 * `message` is a catalogue key ("import.problems.*" or "validation.*"), `values` its parameters.
 */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
  values?: Record<string, string | number>;
}

/** How a changed cell's values are shown: status and confidence are enum codes the page translates. */
export type ImportValueKind = "status" | "confidence" | "progress" | "text";

export interface ImportCellChange {
  /** ITEM_COLUMNS key */
  key: string;
  /** the column's header in the file */
  column: string;
  kind: ImportValueKind;
  from: string | null;
  to: string | null;
  /** a report field (status, progress, confidence): it reaches the item through a report, not directly */
  viaReport: boolean;
}

/** States of a unit's report that it may still revise (draft, awaiting review, returned). */
export type OpenReportState = "DRAFT" | "SUBMITTED" | "RETURNED";

/**
 * What a row's report fields become: a report of the item to the current period, submitted for review (待审核)
 * when review is on, approved at once when it is off; revising the unit's open report if it has one. `pending`:
 * the unit's report awaiting review already says exactly this, so the row adds nothing.
 */
export interface ImportRowReport {
  outcome: "review" | "approved";
  revises: OpenReportState | null;
  pending: boolean;
}

export interface ImportPlanRow {
  row: number;
  code: string;
  title: string;
  changes: ImportCellChange[];
  /** read-only cells that differ from the item, reported and not imported */
  warnings: ImportProblem[];
  /** the row's report (null: its report fields are the item's) */
  report: ImportRowReport | null;
}

export interface ImportPlan {
  fileName: string;
  /** sha256 of the file: the apply step must receive the very file that was previewed */
  fileHash: string;
  /** rows in file order (rows with errors are not listed here, only in `errors`) */
  rows: ImportPlanRow[];
  errors: ImportProblem[];
  /** `reports`: rows that submit (or revise) a report */
  counts: { rows: number; changed: number; unchanged: number; cells: number; reports: number };
  /** whether reports go to review (待审核) rather than taking effect at once */
  reviewRequired: boolean;
  /** headers of editable columns the file does not have (an earlier export's layout): left unchanged */
  keptColumns: string[];
}

export interface ImportApplied {
  fileName: string;
  /** `report`: the state of the row's report after the import (SUBMITTED: 待审核), null when it made none */
  changed: { code: string; title: string; cells: number; report: "SUBMITTED" | "APPROVED" | null }[];
  unchanged: number;
  reviewRequired: boolean;
}
