// The evidence upload's request (POST /api/evidence, multipart/form-data with `reportId` and one `file`): read
// with a ceiling and taken apart, or refused with the status and message key to answer. What the file is, who
// may add it and where is decided by lib/writes/attachments.ts.
import { EVIDENCE_FILE_MAX_BYTES } from "../validations/evidence";
import { readCappedBody } from "./capped-body";

/** The whole request may be the largest file plus the multipart framing and the report id. */
export const UPLOAD_REQUEST_MAX_BYTES = EVIDENCE_FILE_MAX_BYTES + 64 * 1024;
/** A refused request up to this size is read to its end (and dropped) before the answer; a bigger one is not. */
export const UPLOAD_DRAIN_MAX_BYTES = 2 * UPLOAD_REQUEST_MAX_BYTES;

export interface UploadRefusal {
  ok: false;
  status: number;
  /** catalogue key */
  message: string;
  values?: Record<string, number>;
  /** refused before the whole body was read */
  unread?: boolean;
}

export type UploadRequest = { ok: true; reportId: string | undefined; file: File } | UploadRefusal;

const refused = (status: number, key: string, values?: Record<string, number>): UploadRefusal => ({
  ok: false,
  status,
  message: `evidence.errors.${key}`,
  ...(values ? { values } : {}),
});

export async function readEvidenceUpload(request: Request): Promise<UploadRequest> {
  const type = request.headers.get("content-type") ?? "";
  // Read whatever it is first (a refusal before reading would leave the connection holding the rest).
  const body = await readCappedBody(request, UPLOAD_REQUEST_MAX_BYTES, UPLOAD_DRAIN_MAX_BYTES);
  if (!body.ok)
    return {
      ...(body.reason === "tooLarge"
        ? refused(413, "requestTooLarge", { max: EVIDENCE_FILE_MAX_BYTES / (1024 * 1024) })
        : refused(400, "badRequest")),
      unread: !body.drained,
    };
  if (!/^multipart\/form-data\s*;/i.test(type) || !/boundary=/i.test(type)) return refused(415, "badRequest");
  let form: FormData;
  try {
    form = await new Response(body.bytes, { headers: { "content-type": type } }).formData();
  } catch {
    return refused(400, "badRequest");
  }
  const files = form.getAll("file");
  const ids = form.getAll("reportId");
  if (ids.length > 1 || ids.some((v) => typeof v !== "string")) return refused(400, "badRequest");
  // A form sent with no file chosen carries an empty part with an empty name (or, from some clients, no
  // filename at all, which reads as an empty text field).
  const given = files.filter((f) => (typeof f === "string" ? f !== "" : !(f.size === 0 && f.name === "")));
  const chosen = given.filter((f): f is File => typeof f !== "string");
  if (chosen.length !== given.length || chosen.length > 1) return refused(400, "badRequest");
  if (chosen.length === 0) return refused(400, "noFile");
  return { ok: true, reportId: ids[0] as string | undefined, file: chosen[0]! };
}
