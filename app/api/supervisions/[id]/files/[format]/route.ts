// GET /api/supervisions/:id/files/docx|pdf — a 督办通知单 as stored when it was issued: the same bytes on every
// download (the files never change), so the ETag is their sha256. Checks the user itself (authorizeRoute, never
// proxy.ts): 401 signed out, 403 without supervision:read, 404 for an unknown 督办 or file,
// 503 when the database is down. Always an attachment, with nosniff.
import { cookies } from "next/headers";
import { authorizeRoute } from "@/lib/auth/authorize-route";
import { getSupervisionFile } from "@/lib/data/chase";
import { contentDisposition } from "@/lib/export/filename";
import { plainText } from "@/lib/http/plain-text";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { parseSupervisionFormat, parseSupervisionId } from "@/lib/validations/chase";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; format: string }> },
): Promise<Response> {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const t = translator(locale, "chase.errors");
  const user = await authorizeRoute("supervision:read", t);
  if (user instanceof Response) return user;

  const raw = await params;
  const id = parseSupervisionId(raw.id);
  const format = parseSupervisionFormat(raw.format);
  if (id === null || format === null) return plainText(404, t("notFound"));

  let file: Awaited<ReturnType<typeof getSupervisionFile>>;
  try {
    file = await getSupervisionFile(user, id, format);
  } catch (error) {
    console.error("supervision file read failed", error);
    return plainText(503, t("unavailable"));
  }
  if (!file) return plainText(404, t("notFound"));

  const etag = `"${file.sha256}"`;
  const headers = { ETag: etag, "Cache-Control": "private, no-cache", "X-Content-Type-Options": "nosniff" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.content), {
    status: 200,
    headers: {
      ...headers,
      "Content-Type": file.mediaType,
      "Content-Disposition": contentDisposition({ ascii: `supervision-${id}.${format}`, unicode: file.fileName }),
      "Content-Length": String(file.content.byteLength),
    },
  });
}
