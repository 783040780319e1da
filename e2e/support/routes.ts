// The app's pages and route handlers, listed from app/ so that a new one is covered by the walks without
// anyone remembering to add it.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

const appDir = join(import.meta.dirname, "..", "..", "app");

/** Route patterns (e.g. "/items/[code]") of every file named `file` (page.tsx or route.ts) under app/. */
export function appRoutes(file: "page.tsx" | "route.ts"): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name === file ? [join(dir, e.name)] : [],
    );
  return walk(appDir).map(
    (path) =>
      `/${relative(appDir, path)
        .split(sep)
        .slice(0, -1)
        .filter((s) => !/^\(.*\)$/.test(s))
        .join("/")}`,
  );
}

/** A route pattern's path with its parameters filled in: the item `code` for [code], 1 for [number], `id` for [id]. */
export function routePath(route: string, code = "", id = "1"): string {
  return route.replace("[code]", code).replace("[number]", "1").replace("[id]", id);
}
