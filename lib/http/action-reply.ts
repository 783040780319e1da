// The arguments of a server-action call as React's encodeReply writes them (the "reply"), checked before
// Next.js decodes them. Next runs React's decodeReply before any of our code, and answers every body that
// decoder throws on (JSON it cannot parse, a reference to a row that is not there, a bad BigInt, an array over
// React's size limit...) with HTTP 500. The rules below accept exactly what this app's forms and clients send
// (plain JSON values, FormData, Dates, undefined, NaN/±Infinity/-0, BigInts, "$$"-escaped strings, and a
// path back to an object already sent, which encodeReply writes for a repeated object) and refuse the rest:
// no form here passes Maps, Sets, promises, blobs, streams, typed arrays or server references as arguments.
// tests/unit/action-reply.test.ts checks the rules against React's own decoder.

/** React's decoder refuses arrays holding more than this many slots in all (decodeReply's arraySizeLimit). */
const ARRAY_SLOTS_LIMIT = 1_000_000;
/** Next calls the action with the decoded root as its argument list, refusing (500) a longer one. */
const MAX_ARGUMENTS = 1000;
/** Far deeper than any argument of this app; React revives recursively, so a deeper body could overflow its stack. */
const MAX_DEPTH = 64;

export class BadReply extends Error {}

/** A `$`-string React decodes to a plain value without looking anything up. */
const PLAIN_DOLLAR = /^\$(?:\$.*|undefined|NaN|Infinity|-Infinity|-0|D.*|K[0-9a-f]{1,8}|n-?\d{1,300})$/s;

/** The reply root (row 0) as text: throws BadReply when React's decoder could not read it. */
export function checkReplyRoot(text: string): void {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    throw new BadReply("not JSON");
  }
  // The root is the action's argument list: Next applies the action to it.
  if (!Array.isArray(root) || root.length > MAX_ARGUMENTS) throw new BadReply("not an argument list");
  let slots = 0;
  const walk = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) throw new BadReply("nested too deep");
    if (typeof value === "string") {
      if (!value.startsWith("$")) return;
      if (PLAIN_DOLLAR.test(value)) {
        if (value.startsWith("$$") || value.startsWith("$n")) slots += value.length;
      } else if (!pointsBack(root, value)) {
        throw new BadReply(`unsupported reference ${value.slice(0, 20)}`);
      }
    } else if (Array.isArray(value)) {
      slots += value.length + 1;
      for (const v of value) walk(v, depth + 1);
    } else if (value !== null && typeof value === "object") {
      for (const v of Object.values(value)) walk(v, depth + 1);
    }
    if (slots > ARRAY_SLOTS_LIMIT) throw new BadReply("too many array slots");
  };
  walk(root, 0);
}

/**
 * "$0:a:1": a path inside row 0 to an object or array (what encodeReply writes for an object it has already
 * sent). React follows the path through the decoded value and throws on a step that is missing; the raw
 * JSON has the same shape except that strings (which may decode to objects) cannot be stepped through here.
 */
function pointsBack(root: unknown, reference: string): boolean {
  const m = /^\$0((?::[^:]*)+)$/.exec(reference);
  if (!m) return false;
  let at: unknown = root;
  for (const step of m[1]!.slice(1).split(":")) {
    if (at === null || typeof at !== "object" || step === "__proto__" || !Object.hasOwn(at, step)) return false;
    at = (at as Record<string, unknown>)[step];
  }
  return at !== null && typeof at === "object";
}

/**
 * A multipart reply as the form data it parsed to: row 0 (a text field named "0") holds the arguments; FormData
 * arguments travel as fields named "_<id>_<name>". React reads any name that is a number (" 0", "0x0", "1e1")
 * as a row, so every other name is refused; an unreferenced row is harmless but never sent, so refused too.
 */
export function checkMultipartReply(entries: Iterable<[string, FormDataEntryValue]>): void {
  let root: string | undefined;
  let roots = 0;
  for (const [name, value] of entries) {
    if (name.startsWith("_")) continue;
    if (name !== "0") throw new BadReply(`unexpected field ${name.slice(0, 20)}`);
    roots++;
    if (typeof value !== "string") throw new BadReply("row 0 is a file");
    root = value;
  }
  if (roots !== 1 || root === undefined) throw new BadReply("no single row 0");
  checkReplyRoot(root);
}
