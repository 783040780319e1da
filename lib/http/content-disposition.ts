// The Content-Disposition of every download: a name for browsers in any script (RFC 6266 / RFC 5987
// `filename*`), and a plain ASCII `filename` for clients that do not read `filename*`.

/** RFC 5987 percent-encoding: encodeURIComponent leaves ' ( ) * unescaped, which attr-char does not allow. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded unicode>` */
export function contentDisposition(names: { ascii: string; unicode: string }): string {
  const ascii = names.ascii.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(names.unicode)}`;
}
