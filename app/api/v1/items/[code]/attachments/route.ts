// POST /api/v1/items/{code}/attachments — upload one evidence file (佐证材料) to one of the item's reports:
// multipart/form-data with `reportId` and `file`, under the report page's upload rules (size, kind by content,
// name, the report still open to its unit). Idempotency-Key: a retry with the same file writes once. No If-Match:
// evidence belongs to a report, and adding it does not change the item's version.
import { apiRoute } from "@/lib/api/guard";
import { readAttachmentUpload, uploadItemAttachment, type AttachmentUpload } from "@/lib/api/writes";
import { noQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const POST = apiRoute<Record<string, never>, AttachmentUpload>(
  { permission: "item:post-update", write: true, query: noQuerySchema, readBody: readAttachmentUpload },
  async ({ user, params, body, locale }) => ({
    status: 201,
    body: await uploadItemAttachment(user, params.code ?? "", body, locale),
  }),
);
