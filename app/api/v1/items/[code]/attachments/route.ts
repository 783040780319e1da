// POST /api/v1/items/{code}/attachments — upload one evidence file (佐证材料) to one of the item's reports:
// multipart/form-data with `reportId` and `file`, under the report page's upload rules (size, kind by content,
// name, the report still open to its unit). Idempotency-Key: a retry with the same file writes once. No If-Match:
// evidence belongs to a report, and adding it does not change the item's version.
//
// proxy.ts does not run for this path (it would cut a body over 7 MB; see its matcher), so the answer gets the
// security headers here, as app/api/evidence/route.ts does; a refusal given before the body was read closes the
// connection (the rest of the upload may still be on its way).
import { apiRoute } from "@/lib/api/guard";
import { readAttachmentUpload, uploadItemAttachment, type AttachmentUpload } from "@/lib/api/writes";
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from "@/lib/security-headers";
import { noQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

const upload = apiRoute<Record<string, never>, AttachmentUpload>(
  { permission: "item:post-update", write: true, query: noQuerySchema, readBody: readAttachmentUpload },
  async ({ user, params, body, locale }) => ({
    status: 201,
    body: await uploadItemAttachment(user, params.code ?? "", body, locale),
  }),
);

export async function POST(request: Request, context: Parameters<typeof upload>[1]): Promise<Response> {
  const response = await upload(request, context);
  const headers = new Headers(response.headers);
  headers.set("Content-Security-Policy", contentSecurityPolicy(newNonce(), false));
  for (const { key, value } of STATIC_SECURITY_HEADERS) headers.set(key, value);
  if (!request.bodyUsed) headers.set("Connection", "close");
  return new Response(response.body, { status: response.status, headers });
}
