// Money as exact decimals. Every amount is 万元 (ten thousand yuan) with at most two decimals, stored as
// NUMERIC(18,2) and carried through the code as a decimal string ("12345.67") or, where arithmetic is needed,
// as a BigInt of cents (hundredths of a 万元). Never a JavaScript number: 0.1 + 0.2 is not 0.3, and a 16-digit
// amount is past what a double holds exactly. Sums run in PostgreSQL (NUMERIC); this module parses, adds the
// few figures a page shows side by side, and formats them as Chinese reports do (万元, and 亿元 from 1 亿 up).

/** At most 16 integer digits: NUMERIC(18,2). */
export const AMOUNT_INTEGER_DIGITS = 16;

/** Why a text is not an amount (a catalogue key suffix under "investment.validation"). */
export type AmountProblem = "format" | "negative" | "decimals" | "tooLarge";

/** Anything that prints itself as a decimal: a string, or Prisma's Decimal. */
export type AmountLike = string | { toFixed(digits: number): string };

/**
 * Reads an amount a person typed (or a cell of an import): digits with an optional point and at most two
 * decimals; thousands separators (",", "，") and surrounding spaces are allowed. Refuses signs, exponents
 * ("1e400"), text, a third decimal and more than 16 integer digits. Answers the canonical "1234.50".
 */
export function parseAmount(raw: string): { ok: true; value: string } | { ok: false; problem: AmountProblem } {
  const text = raw.trim().replace(/[,，\s]/g, "");
  if (/^-\s*\d/.test(text) || /^-[\d.]/.test(text)) return { ok: false, problem: "negative" };
  const match = /^\+?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[1] === "" && (match[2] ?? "") === "")) return { ok: false, problem: "format" };
  const digits = (match[1] ?? "").replace(/^0+(?=\d)/, "") || "0";
  const decimals = match[2] ?? "";
  if (decimals.replace(/0+$/, "").length > 2) return { ok: false, problem: "decimals" };
  if (digits.length > AMOUNT_INTEGER_DIGITS) return { ok: false, problem: "tooLarge" };
  return { ok: true, value: `${digits}.${decimals.padEnd(2, "0").slice(0, 2)}` };
}

/** An amount as its canonical two-decimal string. */
export function amountText(amount: AmountLike): string {
  return typeof amount === "string" ? fromCents(toCents(amount)) : amount.toFixed(2);
}

/** An amount (canonical or as PostgreSQL prints NUMERIC) as a BigInt of cents of a 万元. */
export function toCents(amount: AmountLike): bigint {
  const text = typeof amount === "string" ? amount.trim() : amount.toFixed(2);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a decimal amount: ${text}`);
  const decimals = match[3] ?? "";
  if (decimals.replace(/0+$/, "").length > 2) throw new RangeError(`more than two decimals: ${text}`);
  const cents = BigInt(match[2]!) * 100n + BigInt(decimals.padEnd(2, "0").slice(0, 2));
  return match[1] === "-" ? -cents : cents;
}

/** Cents back to "1234.50" ("-12.30" for a negative difference). */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** The exact sum of amounts (null and undefined count as nothing). */
export function sumAmounts(amounts: readonly (AmountLike | null | undefined)[]): string {
  let total = 0n;
  for (const a of amounts) if (a !== null && a !== undefined) total += toCents(a);
  return fromCents(total);
}

/** done ÷ planned as a percentage to one decimal, rounded half up; null without a positive plan. */
export function completionRate(done: AmountLike | null, planned: AmountLike | null): string | null {
  if (planned === null || done === null) return null;
  const p = toCents(planned);
  if (p <= 0n) return null;
  // tenths of a percent, rounded half up: (done × 1000 + p/2) div p
  const tenths = (toCents(done) * 1000n + p / 2n) / p;
  return `${tenths / 10n}.${tenths % 10n}`;
}

/** Groups the integer digits of an unsigned decimal string by thousands. */
function grouped(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** cents ÷ 10^shift, rounded half up to two decimals, as "1,234.57". */
function scaled(cents: bigint, shift: number): string {
  const abs = cents < 0n ? -cents : cents;
  const divisor = 10n ** BigInt(shift);
  const rounded = shift === 0 ? abs : (abs + divisor / 2n) / divisor;
  const text = fromCents(rounded);
  const [int, dec] = text.split(".") as [string, string];
  return `${cents < 0n && rounded !== 0n ? "-" : ""}${grouped(int)}.${dec}`;
}

export type MoneyLocale = "zh-CN" | "en";

/** One 亿元 in cents of a 万元. */
const YI = 10_000n * 100n;

/**
 * An amount of 万元 for people: zh-CN "3,456.78万元" below 1 亿 and "12.35亿元" from 1 亿 up (as Chinese reports
 * write it); en "CNY 34.57 million" / "CNY 1.24 billion" (1 万元 = 10,000 yuan). `unit` forces 万元 or 亿元
 * (zh-CN only: English has no such unit, it always scales by millions and billions).
 */
export function formatAmount(
  amount: AmountLike | null | undefined,
  locale: MoneyLocale,
  unit: "auto" | "wan" | "yi" = "auto",
): string {
  if (amount === null || amount === undefined) return "—";
  const cents = toCents(amount);
  const abs = cents < 0n ? -cents : cents;
  const yi = unit === "yi" || (unit === "auto" && abs >= YI);
  if (locale === "zh-CN") return yi ? `${scaled(cents, 4)}亿元` : `${scaled(cents, 0)}万元`;
  // 1 万元 = 10^4 yuan: million yuan = 万元 ÷ 100 (shift 2), billion = 万元 ÷ 100,000 (shift 5).
  return abs >= 100_000n * 100n ? `CNY ${scaled(cents, 5)} billion` : `CNY ${scaled(cents, 2)} million`;
}

/** An amount of 万元 as the number of 亿元 a report table shows under a "（亿元）" heading: "12.35", "1,234.57". */
export function amountInYi(amount: AmountLike): string {
  return scaled(toCents(amount), 4);
}

/** A difference of amounts with its sign ("+12.30亿元", "−3.00万元"), for "rose / fell since". */
export function formatAmountChange(cents: bigint, locale: MoneyLocale): string {
  const text = formatAmount(fromCents(cents < 0n ? -cents : cents), locale);
  return `${cents < 0n ? "−" : "+"}${text}`;
}
