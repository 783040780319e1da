// GET /api/supervisions/:id/files/docx|pdf — a 督办通知单 as stored when it was issued (the files never change):
// 403 without supervision:read, 404 for an unknown 督办 or file, or one of another unit the user may not read.
// The rest (ETag, 304, 401, 503, nosniff) is every stored file's, lib/http/stored-file.ts.
import { getSupervisionFile } from "@/lib/data/chase";
import { storedFileRoute } from "@/lib/http/stored-file";
import { SUPERVISION_FILE_FORMATS } from "@/lib/validations/chase";

export const dynamic = "force-dynamic";

export const GET = storedFileRoute({
  permission: "supervision:read",
  messages: "chase.errors",
  formats: SUPERVISION_FILE_FORMATS,
  read: getSupervisionFile,
  asciiName: (id, format) => `supervision-${id}.${format}`,
});
