// POST /api/evidence — upload one evidence file (佐证材料) to a report: multipart/form-data with `reportId` and
// `file`. Answers JSON: 201 {ok: true, attachment, message}, or {ok: false, code, message} with a 4xx status for
// every bad input (403 cross-site or not allowed, 401 signed out, 413 too large, 415 not an accepted file or a
// name that disagrees with the content, 400 a malformed request or name, 404 no such report, 409 the report is
// no longer open to its unit or the file is there already) and 503 when the database is down; never a 500.
//
// proxy.ts does not run for this path (see its matcher), so a body far over the cap is refused from its
// Content-Length before it is read, or as soon as it grows past twice the cap, and the connection is closed;
// one a little over the cap is read to its end and dropped (lib/http/capped-body.ts). This route therefore
// checks for a cross-site request and sets the security headers itself, as proxy.ts does for other requests.
import { cookies } from "next/headers";
import { uploadEvidence } from "@/lib/actions/evidence-upload";
import { authorizeRoute } from "@/lib/auth/authorize-route";
import type { FailureCode } from "@/lib/forms/result";
import { isCrossSiteWrite } from "@/lib/http/cross-site";
import { readCappedBody } from "@/lib/http/capped-body";
import { readEvidenceUpload, UPLOAD_DRAIN_MAX_BYTES } from "@/lib/http/evidence-upload";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { translator, type Translate } from "@/lib/i18n/translator";
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from "@/lib/security-headers";
import { evidenceUploadSchema, FILE_NAME_MAX } from "@/lib/validations/evidence";
import { EvidenceRefusal } from "@/lib/writes/attachments";
import { toFailure } from "@/lib/writes/failure";

export const dynamic = "force-dynamic";

const STATUS: Record<FailureCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid: 400,
  "not-found": 404,
  conflict: 409,
  unavailable: 503,
};

/**
 * The route's answer. `unread`: refused before the whole body was read, so the connection is closed after the
 * answer rather than kept for another request with the rest of this body still arriving on it.
 */
function json(status: number, body: object, unread = false): Response {
  const headers = new Headers({
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Security-Policy": contentSecurityPolicy(newNonce(), false),
  });
  for (const { key, value } of STATIC_SECURITY_HEADERS) headers.set(key, value);
  if (unread) headers.set("Connection", "close");
  return new Response(JSON.stringify(body), { status, headers });
}

/** A refusal's values as its message shows them: a detected kind by its name in the reader's language. */
function shown(t: Translate, values: Record<string, string | number> = {}): Record<string, string | number> {
  return typeof values.kind === "string" ? { ...values, kind: t(`evidence.kinds.${values.kind}`) } : values;
}

export async function POST(request: Request): Promise<Response> {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const t = translator(locale);
  const refuse = (
    status: number,
    code: FailureCode,
    key: string,
    values?: Record<string, string | number>,
    unread = false,
  ) => json(status, { ok: false, code, message: t(key, shown(t, values)) }, unread);

  // Refused before the upload is looked at: its body is read and dropped first (up to UPLOAD_DRAIN_MAX_BYTES),
  // so the connection can serve the client's next request; a bigger one is not read, the connection closes.
  const dropBody = async () => {
    const body = await readCappedBody(request, 0, UPLOAD_DRAIN_MAX_BYTES);
    return !body.ok && !body.drained;
  };

  if (isCrossSiteWrite(request)) return refuse(403, "forbidden", "evidence.errors.crossSite", {}, await dropBody());
  const user = await authorizeRoute("item:post-update", translator(locale, "evidence.errors"));
  if (user instanceof Response) {
    const code: FailureCode =
      user.status === 401 ? "unauthenticated" : user.status === 403 ? "forbidden" : "unavailable";
    return json(user.status, { ok: false, code, message: await user.text() }, await dropBody());
  }

  const upload = await readEvidenceUpload(request);
  if (!upload.ok) return refuse(upload.status, "invalid", upload.message, upload.values, upload.unread);
  const fields = evidenceUploadSchema.safeParse({ reportId: upload.reportId, fileName: upload.file.name });
  if (!fields.success) {
    const issue = fields.error.issues[0]!;
    return issue.path[0] === "reportId"
      ? refuse(400, "invalid", "evidence.errors.reportNotFound")
      : refuse(400, "invalid", issue.message, { max: FILE_NAME_MAX });
  }

  try {
    const stored = await uploadEvidence(user, {
      reportId: fields.data.reportId,
      fileName: upload.file.name,
      bytes: new Uint8Array(await upload.file.arrayBuffer()),
    });
    return json(201, {
      ok: true,
      attachment: stored,
      message: t("evidence.upload.done", { name: stored.fileName }),
    });
  } catch (error) {
    if (error instanceof EvidenceRefusal)
      return refuse(error.status, error.failure.code, error.failure.message, error.values);
    const failure = toFailure(error);
    // toFailure logged what is neither a refusal nor the database being away. The general refusals in this route's own words; a specific one (no such report) as it is.
    const key = failure.message.startsWith("actionErrors.") ? evidenceWording(failure.code) : failure.message;
    return refuse(STATUS[failure.code], failure.code, key);
  }
}

function evidenceWording(code: FailureCode): string {
  if (code === "forbidden" || code === "unavailable") return `evidence.errors.${code}`;
  return `actionErrors.${code}`;
}
