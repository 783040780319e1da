// GET /api/periods/:id/files/docx|pdf — a closed period's 情况通报 as stored at its close: the same bytes on
// every download, forever (the database refuses changes to them), so the ETag is their sha256 and a client
// that has them gets 304. Checks the user itself (authorizeRoute, never proxy.ts): 401 signed out, 403 without
// period:read, 404 for an unknown period, a period not closed or another format, 503 when the database is down.
import { cookies } from "next/headers";
import { authorizeRoute } from "@/lib/auth/authorize-route";
import { getPeriodFile } from "@/lib/data/periods";
import { contentDisposition } from "@/lib/export/filename";
import { plainText } from "@/lib/http/plain-text";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { parseBulletinFormat, parsePeriodId } from "@/lib/validations/periods";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; format: string }> },
): Promise<Response> {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const t = translator(locale, "periods.errors");
  const user = await authorizeRoute("period:read", t);
  if (user instanceof Response) return user;

  const raw = await params;
  const periodId = parsePeriodId(raw.id);
  const format = parseBulletinFormat(raw.format);
  if (periodId === null || format === null) return plainText(404, t("notFound"));

  let file: Awaited<ReturnType<typeof getPeriodFile>>;
  try {
    file = await getPeriodFile(user, periodId, format);
  } catch (error) {
    console.error("period file read failed", error);
    return plainText(503, t("unavailable"));
  }
  if (!file) return plainText(404, t("notFound"));

  const etag = `"${file.sha256}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": "private, no-cache",
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.content), {
    status: 200,
    headers: {
      ...headers,
      "Content-Type": file.mediaType,
      "Content-Disposition": contentDisposition({
        ascii: `period-${periodId}-bulletin.${format}`,
        unicode: file.fileName,
      }),
      "Content-Length": String(file.content.byteLength),
    },
  });
}
