import "server-only";
// GET /api/<things>/:id/files/:format — a document stored in the database when it was made (a closed period's
// 情况通报, a 督办通知单): the same bytes on every download, forever, so the ETag is their sha256 and a client
// that has them gets 304. Always an attachment, with nosniff. The handler checks the user itself (authorizeRoute,
// never proxy.ts): 401 signed out, 403 without the permission, 404 for an unknown id, file or format, 503 when
// the database is down. Each route names only what is its own: permission, messages, formats, the read, the name.
import { authorizeRoute } from "../auth/authorize-route";
import type { SessionUser } from "../auth/session";
import { requestLocale } from "../i18n/request-translator";
import { translator } from "../i18n/translator";
import { logger } from "../log";
import type { Permission } from "../permissions";
import { parseId } from "../validations/id";
import { contentDisposition } from "./content-disposition";
import { plainText } from "./plain-text";

export interface StoredFile {
  content: Uint8Array;
  sha256: string;
  mediaType: string;
  /** the name people see (any script); the route gives the ASCII fallback */
  fileName: string;
}

export interface StoredFileRoute<Format extends string> {
  permission: Permission;
  /** a message namespace with the keys signedOut, forbidden, unavailable and notFound */
  messages: string;
  /** the formats it is stored in: any other is a 404 */
  formats: readonly Format[];
  /** the file, or null when there is none (or `user` may not see it); throws when the database is down */
  read(user: SessionUser, id: number, format: Format): Promise<StoredFile | null>;
  /** the file name for clients that do not read filename* */
  asciiName(id: number, format: Format): string;
}

/** The route handler's GET for one kind of stored file. */
export function storedFileRoute<Format extends string>(route: StoredFileRoute<Format>) {
  return async function GET(
    request: Request,
    { params }: { params: Promise<{ id: string; format: string }> },
  ): Promise<Response> {
    const t = translator(await requestLocale(), route.messages);
    const user = await authorizeRoute(route.permission, t);
    if (user instanceof Response) return user;

    const raw = await params;
    const id = parseId(raw.id);
    const format = route.formats.find((f) => f === raw.format) ?? null;
    if (id === null || format === null) return plainText(404, t("notFound"));

    let file: StoredFile | null;
    try {
      file = await route.read(user, id, format);
    } catch (error) {
      logger().error({ err: error, path: new URL(request.url).pathname }, "stored file read failed");
      return plainText(503, t("unavailable"));
    }
    if (!file) return plainText(404, t("notFound"));
    return storedFileResponse(request, file, route.asciiName(id, format));
  };
}

/** 304 when the client has these bytes (If-None-Match), else the file as an attachment. */
function storedFileResponse(request: Request, file: StoredFile, asciiName: string): Response {
  const etag = `"${file.sha256}"`;
  const headers = { ETag: etag, "Cache-Control": "private, no-cache", "X-Content-Type-Options": "nosniff" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.content), {
    status: 200,
    headers: {
      ...headers,
      "Content-Type": file.mediaType,
      "Content-Disposition": contentDisposition({ ascii: asciiName, unicode: file.fileName }),
      "Content-Length": String(file.content.byteLength),
    },
  });
}
