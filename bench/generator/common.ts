// Shared bits of the benchmark data generator: the sizes it aims at and SQL literal and format helpers. Every value
// interpolated into the generator's SQL is a number or a constant from this folder, never user input.

/** Totals the generated database holds (the document's own rows count towards them). */
export interface Targets {
  items: number;
  recommendations: number;
  units: number;
  accounts: number;
  progressUpdates: number;
  history: number;
}

export const DEFAULT_TARGETS: Targets = {
  items: 10_000,
  recommendations: 300,
  units: 500,
  accounts: 500,
  progressUpdates: 200_000,
  history: 1_000_000,
};

/** A constant text array as an SQL literal: ARRAY['a','b']::text[]. */
export function sqlArray(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}]::text[]`;
}

/** Pick from a constant pool by an integer SQL expression (1-based arrays). */
export function pick(values: readonly string[], indexExpr: string): string {
  return `(${sqlArray(values)})[((${indexExpr}) % ${values.length} + ${values.length}) % ${values.length} + 1]`;
}

/** An instant as Date.toISOString() writes it (the snapshot's format for timestamps). */
export const isoSql = (e: string) => `to_char((${e}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
export const daySql = (e: string) => `to_char(${e}, 'YYYY-MM-DD')`;
