// A content hash of everything `next build` compiles, so `npm start` rebuilds only when the app changed.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "proxy.ts",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["node_modules", "generated", ".next"]);

function walk(root: string, path: string, out: string[]): void {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    out.push(path);
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    walk(root, join(path, entry.name), out);
  }
}

export function sourceHash(root: string): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(root, join(root, input), files);
  const h = createHash("sha256");
  for (const file of files.sort()) {
    h.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return h.digest("hex");
}
