// Reading a request body with a ceiling: at most `max` bytes are kept. A body over it is dropped as it is read,
// up to `drainUpTo` bytes, so that a file a little over the limit still gets its refusal on a connection that
// stays usable; a body declared (Content-Length) or found to be over `drainUpTo` is not read any further, so an
// upload of 1 GB costs the server nothing and is answered as soon as its headers arrive — the caller's answer
// must then close the connection (the rest of the body is still on its way).

export type CappedBody =
  | { ok: true; bytes: Uint8Array<ArrayBuffer> }
  /** drained: the whole body was read (and dropped), the connection can be kept */
  | { ok: false; reason: "tooLarge" | "unreadable"; drained: boolean };

export async function readCappedBody(request: Request, max: number, drainUpTo = max): Promise<CappedBody> {
  const header = request.headers.get("content-length")?.trim();
  const declared = header && /^\d+$/.test(header) ? Number(header) : null;
  if (declared !== null && declared > Math.max(max, drainUpTo))
    return { ok: false, reason: "tooLarge", drained: false };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > Math.max(max, drainUpTo)) {
        // Sent without a length (chunked) or longer than it said: stop reading here. Not cancelled: that would
        // tear the connection down before the refusal is written; the answer closes it instead.
        reader.releaseLock();
        return { ok: false, reason: "tooLarge", drained: false };
      }
      if (size <= max) chunks.push(value);
    }
  } catch {
    // The client went away or the stream broke mid-way.
    return { ok: false, reason: "unreadable", drained: false };
  }
  if (size > max) return { ok: false, reason: "tooLarge", drained: true };
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}
