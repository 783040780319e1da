// GET /api/evidence/<id> — one evidence file, for anyone signed in (period:read; 401 signed out, 403 without it,
// 404 no such file, 503 the database is down; never a 500). Always a download, never shown in the browser: the
// original (Chinese) name in RFC 5987 filename* with an ASCII fallback, the media type decided from the content
// when it was uploaded, and nosniff, so a browser cannot be talked into reading it as something else.
import { cookies } from "next/headers";
import { authorizeRoute } from "@/lib/auth/authorize-route";
import { getEvidenceFile, type EvidenceFile } from "@/lib/data/evidence";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { extensionOf, FILE_KINDS, kindOfMediaType } from "@/lib/file-kind";
import { contentDisposition } from "@/lib/http/content-disposition";
import { plainText } from "@/lib/http/plain-text";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { logger } from "@/lib/log";

export const dynamic = "force-dynamic";

/** The name for clients that do not read filename*: the name itself when it is plain ASCII, else evidence-<id>.<ext>. */
function asciiName(file: EvidenceFile): string {
  if (/^[\x20-\x7e]+$/.test(file.fileName) && !/["\\]/.test(file.fileName)) return file.fileName;
  const own = extensionOf(file.fileName);
  const kind = kindOfMediaType(file.mediaType);
  const extension = /^[a-z0-9]{1,8}$/.test(own) ? own : kind ? FILE_KINDS[kind].extensions[0] : "bin";
  return `evidence-${file.id}.${extension}`;
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const t = translator(locale, "evidence.downloadErrors");
  const user = await authorizeRoute("period:read", t);
  if (user instanceof Response) return user;

  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647) return plainText(404, t("notFound"));
  let file: EvidenceFile | null;
  try {
    file = await getEvidenceFile(user, Number(id));
  } catch (error) {
    if (!isDatabaseUnavailable(error)) logger().error({ err: error }, "evidence download failed");
    return plainText(503, t("unavailable"));
  }
  if (!file) return plainText(404, t("notFound"));
  return new Response(new Uint8Array(file.content), {
    status: 200,
    headers: {
      "Content-Type": file.mediaType,
      "Content-Disposition": contentDisposition({ ascii: asciiName(file), unicode: file.fileName }),
      "Content-Length": String(file.size),
      // Only this person's browser may keep it, and only while they are signed in: not stored at all.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ETag: `"${file.sha256}"`,
    },
  });
}
