// GET /api/reports?scope=…&id=…&filters=…&asOf=…&compare=…&format=xlsx|csv|docx|pdf|json — the report file.
// Checks the user itself (never relies on proxy.ts): 401 signed out, 403 without report:export, 400 with a
// readable message for bad parameters or an unknown scope, 503 when the database is down or a document could
// not be laid out (lib/export/document-thread.ts); never a 500.
import { cookies } from "next/headers";
import { endOfDay } from "@/lib/dates";
import { getCurrentUser } from "@/lib/auth/session";
import { fileCache, readThrough } from "@/lib/cache/data-version";
import { db } from "@/lib/db";
import { reportGate } from "@/lib/export/gate";
import { DocumentRenderError } from "@/lib/export/document-thread";
import { CONTENT_TYPES, contentDisposition, reportFileNames } from "@/lib/export/filename";
import { renderReport } from "@/lib/export/render";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { translator, type Translate } from "@/lib/i18n/translator";
import { can } from "@/lib/permissions";
import { buildReport, ReportScopeNotFoundError } from "@/lib/queries/report";
import { parseReportParams } from "@/lib/validations/report";
import { describeReportIssues } from "@/lib/i18n/report-messages";

export const dynamic = "force-dynamic";

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** null when the signed-in user may export reports; otherwise the answer to give (read from the database). */
async function authorizeExport(t: Translate): Promise<Response | null> {
  let user;
  try {
    user = await getCurrentUser();
  } catch {
    return text(503, t("reports.errors.unavailable"));
  }
  if (!user) return text(401, t("reports.errors.signedOut"));
  if (!can(user, "report:export")) return text(403, t("reports.errors.forbidden"));
  return null;
}

export async function GET(request: Request): Promise<Response> {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const t = translator(locale);
  const refused = await authorizeExport(t);
  if (refused) return refused;

  const parsed = parseReportParams(new URL(request.url).searchParams);
  if (!parsed.ok) return text(400, [t("reports.errors.heading"), ...describeReportIssues(parsed.issues, t)].join("\n"));
  const { scope, asOf, compare, format } = parsed.params;

  let body: Buffer;
  try {
    // Everyone exporting the same report between two writes gets the same file: it is built and rendered
    // once per data version (a report of 10,000 items takes seconds), after the permission checks above.
    const key = `report:${format}:${JSON.stringify({ scope, asOf, compare, locale })}`;
    const moments = [endOfDay(asOf), ...(compare === null ? [] : [endOfDay(compare)])];
    // Building waits for a free slot (reportGate): a burst of different reports queues instead of each
    // holding a whole portfolio in memory at once.
    const build = () =>
      reportGate().run(async () => renderReport(await buildReport(db(), { scope, asOf, compare, locale }), format));
    body = await readThrough(key, moments, build, fileCache());
  } catch (error) {
    if (error instanceof ReportScopeNotFoundError) return text(400, t("reports.errors.scopeNotFound"));
    if (error instanceof DocumentRenderError) {
      console.error("report document failed", error.message);
      return text(503, t("reports.errors.renderFailed"));
    }
    console.error("report export failed", error);
    return text(503, t("reports.errors.unavailable"));
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": contentDisposition(reportFileNames(asOf, format, locale)),
      "Content-Length": String(body.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
