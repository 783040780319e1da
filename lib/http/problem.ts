// The open API's one error shape: RFC 9457 problem details (application/problem+json), in the reader's
// language (Accept-Language: zh-CN first, en), with the same message keys as the UI so a client can show or
// match them: `code` is the stable machine name, `errors` lists each field's problems with their catalogue key.
import { LOCALES, DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { translator } from "../i18n/translator";
import { PROBLEM_CODES, PROBLEM_STATUS, type ProblemCode } from "../validations/api";

export { PROBLEM_CODES, PROBLEM_STATUS, type ProblemCode };

/** One problem of one field (or of a query parameter): its catalogue key and the key translated. */
export interface FieldProblem {
  field: string;
  key: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

/**
 * The reader's language from Accept-Language: the first listed (by q) of zh* or en*; zh-CN when neither.
 */
export function negotiateLocale(header: string | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranges = header
    .slice(0, 500)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return LOCALES.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : "zh-CN";
}

/** The problem type's URI: a section of the API reference page that explains it. */
export function problemType(code: ProblemCode): string {
  return `/api-docs#problem-${code}`;
}

export interface ProblemOptions {
  /** per field: message keys, as a form's fieldErrors */
  fieldErrors?: Record<string, string[]>;
  /** a more specific detail than the code's own (a catalogue key) */
  detailKey?: string;
  /** values for the detail's and the field messages' placeholders */
  values?: Record<string, string | number>;
  /** per field: values of its messages' placeholders (e.g. {max} of validation.tooLong) */
  fieldValues?: Record<string, Record<string, string | number>>;
  /** further members (e.g. what changed, for a 412) */
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export function problemBody(locale: Locale, code: ProblemCode, options: ProblemOptions = {}): ProblemBody {
  const t = translator(locale);
  const values = options.values ?? {};
  const body: ProblemBody = {
    type: problemType(code),
    title: t(`api.problems.${code}.title`),
    status: PROBLEM_STATUS[code],
    detail: t(options.detailKey ?? `api.problems.${code}.detail`, values),
    code,
  };
  if (options.fieldErrors) {
    body.errors = Object.entries(options.fieldErrors).flatMap(([field, keys]) =>
      keys.map((key) => ({
        field,
        key,
        message: t(key, { max: "", min: "", ...values, ...options.fieldValues?.[field] }),
      })),
    );
  }
  return { ...body, ...options.extra };
}

export function problem(locale: Locale, code: ProblemCode, options: ProblemOptions = {}): Response {
  const body = problemBody(locale, code, options);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: {
      "Content-Type": "application/problem+json; charset=utf-8",
      "Content-Language": locale,
      "Cache-Control": "no-store",
      ...(body.status === 401 ? { "WWW-Authenticate": 'Bearer realm="api"' } : {}),
      ...options.headers,
    },
  });
}
