// Files the server reads from the project folder at run time (the PDF's fonts, the document worker): the
// server bundle has no path of its own to point at, so they are resolved from the working directory, which is
// the project folder under `npm start`, `next start` and the tests (INIT_CWD when run through npm elsewhere).
import { existsSync } from "node:fs";
import path from "node:path";

/** The absolute path of `relative` in the project folder, or an error naming where it looked. */
export function projectFile(
  relative: string,
  what: string,
  fail: (message: string) => Error = (m) => new Error(m),
): string {
  const candidates = [path.join(process.cwd(), relative), path.join(process.env.INIT_CWD ?? process.cwd(), relative)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw fail(`${what} not found (looked for ${candidates.join(", ")})`);
  return found;
}
