// Reading a request body with a ceiling: a body declared (Content-Length) or found to be over `max` bytes is
// refused without reading the rest of it, so an upload of 1 GB costs the server at most `max` bytes of memory
// and is answered as soon as its headers arrive.

export type CappedBody =
  { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: "tooLarge" | "unreadable" };

export async function readCappedBody(request: Request, max: number): Promise<CappedBody> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > max) {
    return { ok: false, reason: "tooLarge" };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        // Sent without a length (chunked) or longer than it said: stop reading here.
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: "tooLarge" };
      }
      chunks.push(value);
    }
  } catch {
    // The client went away or the stream broke mid-way.
    return { ok: false, reason: "unreadable" };
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}
