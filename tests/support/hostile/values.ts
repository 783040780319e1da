// Hostile strings shared by the hostile-input tests (tests/integration/hostile-*.test.ts, e2e/hostile-input.spec.ts):
// markup and script that must come back as text, SQL fragments that must stay data, and the odd characters and
// numbers that break naive parsing. fast-check mixes them with random strings so every run tries new ones.
import fc from "fast-check";

/** Markup a page or export would execute or render if it echoed input unescaped. */
export const SCRIPTS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "</textarea><script>alert(1)</script>",
  '<a href="javascript:alert(1)">点我</a>',
  "<iframe src=//evil.example></iframe>",
  "<b onmouseover=alert(1)>粗体</b>",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  '<!--#exec cmd="ls"-->',
] as const;

/** SQL fragments: data everywhere, never part of a statement. */
export const SQL_FRAGMENTS = [
  "' OR 1=1 --",
  "1; DROP TABLE items; --",
  "'); DELETE FROM users; --",
  '" OR ""="',
  "1 UNION SELECT password_hash FROM users",
  "%' AND pg_sleep(5) --",
  "\\'; TRUNCATE items CASCADE; --",
  "$1",
  "%_%",
] as const;

/** Characters and shapes that break naive handling (NUL, lone surrogate, bidi override, formulas, prototype names). */
export const ODD_TEXT = [
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\u202Egnp.exe",
  "\uFEFF",
  "😀".repeat(40),
  "\r\n\r\n",
  "null",
  "undefined",
  "[object Object]",
  "__proto__",
  "constructor",
  '=HYPERLINK("http://evil.example","点我")',
  "+cmd|' /C calc'!A0",
  "@SUM(A1:A9)",
  "-2+3",
] as const;

/** Numbers that are not a sane count, id or percentage, as a form would send them. */
export const BAD_NUMBERS = [
  "-1",
  "-0.5",
  "1.5",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x10",
  "1,000",
  "99999999999999999999",
  "9".repeat(400),
  "",
  " ",
  "٣",
  "１２",
] as const;

/** Calendar dates far out of range or not dates at all. */
export const BAD_DATES = [
  "99999-01-01",
  "0000-00-00",
  "2026-02-30",
  "2026-13-01",
  "1899-12-31",
  "1999-12-31",
  "2101-01-01",
  "+275760-09-13",
  "-271821-04-20",
  "31/12/2026",
  "2026-1-1",
  "2026-06-30T00:00:00Z",
  "２０２６-０１-０１",
  "yesterday",
  "NaN-NaN-NaN",
] as const;

/** Any of the above, or a random (possibly binary) string, or a mixture. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SCRIPTS) },
  { weight: 2, arbitrary: fc.constantFrom(...SQL_FRAGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_TEXT) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...SCRIPTS), fc.constantFrom(...SQL_FRAGMENTS), fc.string({ maxLength: 10 }))
      .map((parts) => parts.join(" ")),
  },
);

/** Text with script or markup in it (for fields where it must be stored and shown as typed). */
export const markupText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...SCRIPTS),
    fc.constantFrom("", "进展 ", "note "),
    fc.constantFrom("", " & <i>ok</i>", " '\""),
  )
  .map(([s, a, b]) => `${a}${s}${b}`);

/**
 * A string of `length` characters built from a hostile seed (oversize fields). It starts and ends with a
 * visible character: forms trim text, and a cut that ended in a space would be short enough to be valid.
 */
export const oversize = (length: number): fc.Arbitrary<string> =>
  fc
    .constantFrom(...SCRIPTS, ...SQL_FRAGMENTS, "x", "汉")
    .map((seed) => `x${seed.repeat(Math.ceil(length / seed.length)).slice(0, length - 2)}x`);
