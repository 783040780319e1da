// A copy of the response Next writes, taken as it streams to the person who asked (nothing waits for it), for
// the page cache to keep once it has ended.
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

export interface Captured {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

type Chunk = string | Uint8Array;

function toBuffer(chunk: Chunk, encoding: unknown): Buffer {
  if (typeof chunk === "string")
    return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return Buffer.from(chunk); // a copy: the writer may reuse its buffer
}

/**
 * Tees what is written to `res`. `done` gets the whole response once it has been sent completely, or null when
 * it was not (the client went away, or the body passed `limit` bytes).
 */
export function captureResponse(res: ServerResponse, limit: number, done: (captured: Captured | null) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  let headHeaders: OutgoingHttpHeaders = {};
  const take = (chunk: unknown, encoding: unknown) => {
    if (over || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = toBuffer(chunk as Chunk, encoding);
    size += buffer.length;
    if (size > limit) {
      over = true;
      chunks.length = 0;
    } else chunks.push(buffer);
  };
  const write = res.write;
  const end = res.end;
  const writeHead = res.writeHead;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    take(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    take(chunk, rest[0]);
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse["end"];
  // Headers given to writeHead itself (not set before) are not in getHeaders(): keep them too.
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.find((a, i) => i > 0 && a !== null && typeof a === "object");
    if (headers && !Array.isArray(headers)) headHeaders = { ...(headers as OutgoingHttpHeaders) };
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
  res.once("close", () => {
    if (!res.writableFinished || over) return done(null);
    const headers: OutgoingHttpHeaders = { ...res.getHeaders() };
    for (const [name, value] of Object.entries(headHeaders)) headers[name.toLowerCase()] = value;
    done({ status: res.statusCode, headers, body: Buffer.concat(chunks) });
  });
}
