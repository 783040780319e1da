// The project folder, found by walking up from this file to the first folder with a package.json outside
// node_modules, rather than by a fixed number of `..`: `npm start` runs the start script compiled into one
// file that lives under node_modules/.cache (scripts/start.mjs), where `..` leads elsewhere.
import { existsSync } from "node:fs";
import { dirname, join, sep } from "node:path";

export function projectRoot(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (!dir.split(sep).includes("node_modules") && existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no project folder (a package.json) above ${from}`);
  }
}
