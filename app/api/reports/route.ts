// GET /api/reports?scope=…&id=…&filters=…&asOf=…|period=ID&compare=…&format=xlsx|csv|docx|pdf|json — the report
// file; period=ID (a closed period) takes the report as of that period's close instead of the end of asOf.
// Checks the user itself (authorizeRoute, never proxy.ts): 401 signed out, 403 without report:export, 400 with a
// readable message for bad parameters or an unknown scope, 503 when the database is down or a document could
// not be laid out (lib/export/document-thread.ts); never a 500.
import { cookies } from "next/headers";
import { authorizeRoute } from "@/lib/auth/authorize-route";
import { getReportFile, getReportPeriodsFor } from "@/lib/data/reports";
import { DocumentRenderError } from "@/lib/export/document-thread";
import { CONTENT_TYPES, reportFileNames } from "@/lib/export/filename";
import { contentDisposition } from "@/lib/http/content-disposition";
import { plainText } from "@/lib/http/plain-text";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { describeReportIssues } from "@/lib/i18n/report-messages";
import { translator } from "@/lib/i18n/translator";
import { ReportScopeNotFoundError } from "@/lib/queries/report";
import { parseReportParams } from "@/lib/validations/report";
import { logger } from "@/lib/log";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const t = translator(locale, "reports.errors");
  const user = await authorizeRoute("report:export", t);
  if (user instanceof Response) return user;

  const searchParams = new URL(request.url).searchParams;
  let periods: Awaited<ReturnType<typeof getReportPeriodsFor>> = [];
  try {
    // Only a report as of a period's close needs them (period=ID).
    if (searchParams.has("period")) periods = await getReportPeriodsFor(user);
  } catch (error) {
    logger().error({ err: error }, "report periods unavailable");
    return plainText(503, t("unavailable"));
  }
  const parsed = parseReportParams(searchParams, undefined, periods);
  if (!parsed.ok)
    return plainText(400, [t("heading"), ...describeReportIssues(parsed.issues, translator(locale))].join("\n"));
  const { scope, asOf, period, compare, format } = parsed.params;

  let file: Awaited<ReturnType<typeof getReportFile>>;
  try {
    file = await getReportFile(user, { scope, asOf, period, compare, locale }, format);
  } catch (error) {
    if (error instanceof ReportScopeNotFoundError) return plainText(400, t("scopeNotFound"));
    if (error instanceof DocumentRenderError) {
      logger().error({ reason: error.message }, "report document failed");
      return plainText(503, t("renderFailed"));
    }
    logger().error({ err: error }, "report export failed");
    return plainText(503, t("unavailable"));
  }
  const { body, sampleData } = file;
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": contentDisposition(reportFileNames(asOf, format, locale, period, sampleData)),
      "Content-Length": String(body.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
