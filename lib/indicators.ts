// 指标 figures as exact decimals. A baseline, target or actual value is NUMERIC(18,4) in PostgreSQL: up to 14
// integer digits and 4 decimals, possibly negative (a growth rate can fall below zero). In code a figure is a
// decimal string ("12.5"), or — where arithmetic is needed — a BigInt of ten-thousandths. Never a JavaScript
// number: 完成度 is computed on BigInts, so it is the same on the item page, the dashboard and in a test.

/** NUMERIC(18,4): 14 integer digits, 4 decimals. */
export const FIGURE_INTEGER_DIGITS = 14;
export const FIGURE_DECIMALS = 4;
const SCALE = 10n ** BigInt(FIGURE_DECIMALS);

/** The years a target may be set for. */
export const TARGET_YEARS = [2000, 2100] as const;
export const INDICATOR_NAME_MAX = 100;
export const INDICATOR_UNIT_MAX = 20;
/** How many of an indicator's latest values the item page's trend draws. */
export const TREND_POINTS = 24;

export const DIRECTIONS = ["HIGHER", "LOWER"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Why a text is not a figure (a catalogue key suffix under "indicators.validation"). */
export type FigureProblem = "format" | "decimals" | "tooLarge";

/** Anything that prints itself as a decimal: a string, or Prisma's Decimal. */
export type FigureLike = string | { toFixed(digits: number): string };

/**
 * Reads a figure a person typed: an optional sign, digits with an optional point and at most four decimals;
 * thousands separators (",", "，") and spaces are allowed. Refuses exponents ("1e5"), text, a fifth decimal and
 * more than 14 integer digits. Answers the canonical form: no trailing zeros, no "-0" ("12.50" → "12.5").
 */
export function parseFigure(raw: string): { ok: true; value: string } | { ok: false; problem: FigureProblem } {
  const text = raw.trim().replace(/[,，\s]/g, "");
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) return { ok: false, problem: "format" };
  const digits = (match[2] ?? "").replace(/^0+(?=\d)/, "") || "0";
  const decimals = (match[3] ?? "").replace(/0+$/, "");
  if (decimals.length > FIGURE_DECIMALS) return { ok: false, problem: "decimals" };
  if (digits.length > FIGURE_INTEGER_DIGITS) return { ok: false, problem: "tooLarge" };
  return { ok: true, value: figureText(`${match[1] === "-" ? "-" : ""}${digits}.${decimals}`) };
}

/** A figure (canonical, or as PostgreSQL prints NUMERIC, or a Decimal) as a BigInt of ten-thousandths. */
export function toUnits(figure: FigureLike): bigint {
  const text = typeof figure === "string" ? figure.trim() : figure.toFixed(FIGURE_DECIMALS);
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new RangeError(`not a decimal figure: ${text}`);
  const decimals = (match[3] ?? "").replace(/0+$/, "");
  if (decimals.length > FIGURE_DECIMALS) throw new RangeError(`more than ${FIGURE_DECIMALS} decimals: ${text}`);
  const units = BigInt(match[2]!) * SCALE + BigInt(decimals.padEnd(FIGURE_DECIMALS, "0"));
  return match[1] === "-" ? -units : units;
}

/** Ten-thousandths back to the canonical text ("12.5", "-3", "0.0001"). */
export function fromUnits(units: bigint): string {
  const sign = units < 0n ? "-" : "";
  const abs = units < 0n ? -units : units;
  const decimals = (abs % SCALE).toString().padStart(FIGURE_DECIMALS, "0").replace(/0+$/, "");
  return `${sign}${abs / SCALE}${decimals ? `.${decimals}` : ""}`;
}

/** A figure in canonical form. */
export function figureText(figure: FigureLike): string {
  return fromUnits(toUnits(figure));
}

/**
 * 完成度: how far the actual value has come from the baseline towards the target, in percent to one decimal
 * (rounded half away from zero). The same formula serves both directions — (actual − baseline) ÷ (target −
 * baseline) — because the target lies on the better side of the baseline: 100 at the target, 0 at the baseline,
 * negative when the value moved the wrong way, over 100 past the target. Null without an actual value (or with a
 * target equal to its baseline, which the schema refuses).
 */
export function completion(baseline: FigureLike, target: FigureLike, actual: FigureLike | null): string | null {
  if (actual === null) return null;
  const b = toUnits(baseline);
  let den = toUnits(target) - b;
  let num = (toUnits(actual) - b) * 1000n;
  if (den === 0n) return null;
  if (den < 0n) [num, den] = [-num, -den];
  // tenths of a percent, rounded half away from zero
  const tenths = num >= 0n ? (2n * num + den) / (2n * den) : -((-2n * num + den) / (2n * den));
  const abs = tenths < 0n ? -tenths : tenths;
  return `${tenths < 0n ? "-" : ""}${abs / 10n}.${abs % 10n}`;
}

/** `now` − `then` exactly (canonical text): an actual value's move since a compare day. */
export function figureDelta(now: FigureLike, then: FigureLike): string {
  return fromUnits(toUnits(now) - toUnits(then));
}

/** 完成度 clamped to 0–100, for a bar's width. */
export function completionShare(rate: string | null): number {
  if (rate === null) return 0;
  return Math.min(100, Math.max(0, Number(rate)));
}

/** An indicator's definition as every view states it (figures as canonical decimal strings). */
export interface IndicatorFields {
  name: string;
  unit: string;
  baseline: string;
  target: string;
  targetYear: number;
  direction: Direction;
  /** 关键指标: on the dashboard and in the documents' table */
  headline: boolean;
}

/** The definition's fields of any richer indicator row, as the API, the report and the snapshot state them. */
export function indicatorFields(x: IndicatorFields): IndicatorFields {
  const { name, unit, baseline, target, targetYear, direction, headline } = x;
  return { name, unit, baseline, target, targetYear, direction, headline };
}

/** Whether `target` lies on the better side of `baseline` for `direction` (the schema's CHECK, said once). */
export function targetFitsDirection(direction: Direction, baseline: string, target: string): boolean {
  const [b, t] = [toUnits(baseline), toUnits(target)];
  return direction === "HIGHER" ? t > b : t < b;
}

/** A figure for people: integer digits grouped by thousands, decimals as given ("12,345.5", "-0.25"). */
export function formatFigure(figure: FigureLike | null | undefined): string {
  if (figure === null || figure === undefined) return "—";
  const text = figureText(figure);
  const [int, dec] = text.replace(/^-/, "").split(".") as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${text.startsWith("-") ? "-" : ""}${grouped}${dec ? `.${dec}` : ""}`;
}

/** A figure with its unit: "120 公里", "35.5%" (a percent sign or ‰ goes right after the number). */
export function formatWithUnit(figure: FigureLike | null | undefined, unit: string): string {
  if (figure === null || figure === undefined) return "—";
  return /^[%‰]$/.test(unit) ? `${formatFigure(figure)}${unit}` : `${formatFigure(figure)} ${unit}`;
}

export interface TrendPoint {
  /** YYYY-MM-DD */
  observedOn: string;
  actual: string;
}

/**
 * The sparkline's points in a `width` × `height` box (x by day, y by value; a flat or single-point series sits
 * on the middle line). Pure, so the drawing is tested without a browser. Coordinates are rounded to 0.1.
 */
export function sparklinePoints(
  points: readonly TrendPoint[],
  width: number,
  height: number,
  pad = 2,
): { x: number; y: number }[] {
  if (points.length === 0) return [];
  const days = points.map((p) => Date.parse(`${p.observedOn}T00:00:00Z`));
  const values = points.map((p) => Number(figureText(p.actual)));
  const [d0, d1] = [Math.min(...days), Math.max(...days)];
  const [v0, v1] = [Math.min(...values), Math.max(...values)];
  const round = (n: number) => Math.round(n * 10) / 10;
  return points.map((_, i) => ({
    x: round(d1 === d0 ? width / 2 : pad + ((days[i]! - d0) / (d1 - d0)) * (width - 2 * pad)),
    y: round(v1 === v0 ? height / 2 : height - pad - ((values[i]! - v0) / (v1 - v0)) * (height - 2 * pad)),
  }));
}
