// Amounts and rates as spreadsheet numbers, from their decimal strings. A spreadsheet stores a number as a
// double, which holds every decimal of up to 15 significant digits exactly: Number("12345.67") is the double
// Excel itself stores when 12345.67 is typed, and the file's XML then reads "12345.67". No arithmetic happens
// on the way (no cents ÷ 100, no rate ÷ 100), so nothing drifts between the database and the cell.
import { amountText, parseAmount } from "../money";

/** Amounts: thousands separators, always two decimals. */
export const AMOUNT_FORMAT = "#,##0.00";

/**
 * An amount of 万元 as the cell value: the number when the double holds it exactly (every amount below
 * 10 万亿 万元, i.e. up to 15 significant digits), otherwise the decimal text — a rounded number would come back
 * from an import as a different amount, and an exact text cell is what the import reads unchanged.
 */
export function amountCellValue(amount: string): number | string {
  const n = Number(amount);
  const back = parseAmount(String(n));
  return back.ok && back.value === amountText(amount) ? n : amount;
}

/** A rate in percent ("85.3") as the fraction a percent-formatted cell holds (0.853), by moving the point. */
export function rateFraction(rate: string): number {
  const [int = "0", dec = ""] = rate.split(".");
  const padded = int.padStart(3, "0");
  return Number(`${padded.slice(0, -2)}.${padded.slice(-2)}${dec}`);
}
