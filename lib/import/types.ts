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
}

export interface ImportPlanRow {
  row: number;
  code: string;
  title: string;
  changes: ImportCellChange[];
  /** read-only cells that differ from the item, reported and not imported */
  warnings: ImportProblem[];
}

export interface ImportPlan {
  fileName: string;
  /** sha256 of the file: the apply step must receive the very file that was previewed */
  fileHash: string;
  /** rows in file order (rows with errors are not listed here, only in `errors`) */
  rows: ImportPlanRow[];
  errors: ImportProblem[];
  counts: { rows: number; changed: number; unchanged: number; cells: number };
}

export interface ImportApplied {
  fileName: string;
  changed: { code: string; title: string; cells: number }[];
  unchanged: number;
}
