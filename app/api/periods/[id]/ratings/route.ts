// GET /api/periods/:id/ratings — a closed period's 考评 and 红黑榜 as CSV: every unit's for leadership, coordinators
// and administrators, an editor's own unit's row only (lib/data/ratings.ts filters on the server). Checks the user
// itself (authorizeRoute): 401 signed out, 403 without rating:read, 404 for an unknown or not yet closed period,
// 503 when the database is down.
import { cookies } from "next/headers";
import { authorizeRoute } from "@/lib/auth/authorize-route";
import { getRatingExport } from "@/lib/data/ratings";
import { renderRatingsCsv } from "@/lib/export/ratings-csv";
import { contentDisposition } from "@/lib/http/content-disposition";
import { plainText } from "@/lib/http/plain-text";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { parseId } from "@/lib/validations/id";
import { logger } from "@/lib/log";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const t = translator(locale, "ratings.errors");
  const user = await authorizeRoute("rating:read", t);
  if (user instanceof Response) return user;

  const periodId = parseId((await params).id);
  if (periodId === null) return plainText(404, t("notFound"));
  let rating: Awaited<ReturnType<typeof getRatingExport>>;
  try {
    rating = await getRatingExport(user, periodId);
  } catch (error) {
    logger().error({ err: error }, "rating export failed");
    return plainText(503, t("unavailable"));
  }
  if (!rating) return plainText(404, t("notFound"));
  const label = locale === "en" ? rating.period.labelEn : rating.period.label;
  const body = renderRatingsCsv({ locale, periodLabel: label, weights: rating.weights.weights, rows: rating.rows });
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition({
        ascii: `period-${periodId}-ratings.csv`,
        unicode: `${rating.period.label}-考评.csv`,
      }),
      "Cache-Control": "private, no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
