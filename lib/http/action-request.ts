// A server-action request (POST with a Next-Action header, or a multipart form post that may name an action
// in its fields) checked in proxy.ts before Next.js decodes it. Next's action handler answers a body it cannot
// decode, and one over serverActions.bodySizeLimit, with HTTP 500 before any of our code runs; here such a
// request gets a plain 400/413/415 instead. What a browser running this app sends always passes (see
// lib/http/action-reply.ts for the rules on the arguments).
import { BadReply, checkMultipartReply, checkReplyRoot } from "./action-reply";

/** Server actions' body limit, also set as serverActions.bodySizeLimit in next.config.ts: import files are up to 5 MB. */
export const ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

export interface Refusal {
  status: 400 | 413 | 415;
  message: string;
}

const TOO_LARGE: Refusal = { status: 413, message: "Request too large / 请求内容过大" };
const MALFORMED: Refusal = { status: 400, message: "Malformed request / 请求格式错误" };

/** The answer to give instead of letting Next.js decode the request, or null to pass it on. */
export async function refuseActionRequest(request: Request): Promise<Refusal | null> {
  if (request.method !== "POST") return null;
  const isAction = request.headers.has("next-action");
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  // A form post without JavaScript (multipart, no header) is decoded by Next as a possible action too.
  if (!isAction && type !== "multipart/form-data") return null;
  // Next answers a url-encoded action post itself (404): it never decodes one.
  if (type === "application/x-www-form-urlencoded") return null;
  if (type !== "text/plain" && type !== "multipart/form-data") {
    return { status: 415, message: "Unsupported content type / 不支持的内容类型" };
  }
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > ACTION_BODY_LIMIT_BYTES) return TOO_LARGE;
  // The body read here is a copy Next buffers for the proxy (experimental.proxyClientMaxBodySize, set above
  // the action limit so that a body over the limit is seen whole enough to be measured).
  const body = new Uint8Array(await request.clone().arrayBuffer());
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return TOO_LARGE;
  try {
    if (type === "text/plain") {
      // Next reads the text as UTF-8 (a byte-order mark stays and is not JSON); anything else is not a reply.
      checkReplyRoot(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body));
      return null;
    }
    // Browsers never send Content-Transfer-Encoding; React refuses base64 parts.
    if (/\r\ncontent-transfer-encoding:/i.test(Buffer.from(body).toString("latin1"))) return MALFORMED;
    const form = await new Request(request.url, {
      method: "POST",
      headers: { "content-type": request.headers.get("content-type")! },
      body,
    }).formData();
    if (isAction) checkMultipartReply(form.entries());
    return null;
  } catch (error) {
    if (error instanceof BadReply || error instanceof TypeError) return MALFORMED;
    throw error;
  }
}
