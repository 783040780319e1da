// What the browser downloads on every page: each "use client" module and everything it imports for a value is
// bundled for the browser. A form that imported a length from a zod schema module put all of zod (31 KB of
// gzip) into the chunk every page loads, the sign-in page's included. Limits shared by a schema and a form
// live in zod-free modules (lib/validations/*-limits.ts); this test keeps server packages out of the graph.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveSpecifier, root, sourceFiles } from "../support/source-tree";

/** Packages that must not reach a browser bundle (validation, database, document writers). */
const SERVER_PACKAGES = ["zod", "pg", "@prisma/client", "@prisma/adapter-pg", "exceljs", "docx", "@react-pdf/renderer"];

/**
 * The specifiers a module imports for a value: `import … from`, `export … from`, `import "…"` and `import("…")`.
 * Type-only imports and exports are left out (the compiler erases them): `import type`, `export type`, and
 * braces whose every name is marked `type`.
 */
function valueImports(source: string): string[] {
  const found: string[] = [];
  const statement = /\b(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*["']([^"']+)["']/g;
  for (const [, , typeOnly, clause, specifier] of source.matchAll(statement)) {
    if (typeOnly) continue;
    const names = /^\{([^}]*)\}$/.exec(clause!.trim())?.[1];
    const listed = names
      ?.split(",")
      .map((n) => n.trim())
      .filter(Boolean);
    if (listed && listed.length > 0 && listed.every((n) => n.startsWith("type "))) continue;
    found.push(specifier!);
  }
  for (const [, specifier] of source.matchAll(/^\s*import\s*["']([^"']+)["']/gm)) found.push(specifier!);
  for (const [, specifier] of source.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)) found.push(specifier!);
  return found;
}

const packageOf = (specifier: string) =>
  specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;

/** Whether a module opens with the directive, after comments only. */
const opensWith = (directive: "use client" | "use server", source: string) =>
  new RegExp(String.raw`^(?:\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*\s*["']${directive}["']`).test(source);
const isClientModule = (source: string) => opensWith("use client", source);

/** Every server package a client module reaches, with the chain of imports that reaches it. */
function serverPackagesReached(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>([entry]);
  const queue: { file: string; via: string[] }[] = [{ file: entry, via: [entry] }];
  while (queue.length > 0) {
    const { file, via } = queue.shift()!;
    for (const specifier of valueImports(readFileSync(join(root, file), "utf8"))) {
      const target = resolveSpecifier(file, specifier);
      if (target === null) {
        if (!specifier.startsWith(".") && !specifier.startsWith("@/") && SERVER_PACKAGES.includes(packageOf(specifier)))
          found.push(`${[...via, specifier].join(" → ")}`);
        continue;
      }
      if (seen.has(target) || target.startsWith("lib/generated/")) continue;
      seen.add(target);
      // A server action module reaches the browser as references to its functions, not as code.
      if (opensWith("use server", readFileSync(join(root, target), "utf8"))) continue;
      queue.push({ file: target, via: [...via, target] });
    }
  }
  return found;
}

describe("browser bundles", () => {
  it("no client module imports zod, the database client or a document writer, directly or through others", () => {
    const clients = [...sourceFiles("app"), ...sourceFiles("components"), ...sourceFiles("lib")].filter((f) =>
      isClientModule(readFileSync(join(root, f), "utf8")),
    );
    expect(clients.length).toBeGreaterThan(50);
    expect(clients.flatMap(serverPackagesReached)).toEqual([]);
  });

  it("the check follows value imports and skips type-only ones", () => {
    const source = [
      '"use client";',
      'import { z } from "zod";',
      'import type { Db } from "pg";',
      'import { type A, type B } from "@prisma/client";',
      'import { type C, value } from "./mixed";',
      'export { x } from "../re-exported";',
      'import "./side-effect";',
      'const lazy = await import("exceljs");',
    ].join("\n");
    expect(valueImports(source)).toEqual(["zod", "./mixed", "../re-exported", "./side-effect", "exceljs"]);
    expect(isClientModule(source)).toBe(true);
    expect(isClientModule('// a comment\n"use client";')).toBe(true);
    expect(isClientModule('import x from "y";\n"use client";')).toBe(false);
    expect(opensWith("use server", '/* actions */\n"use server";\nimport { z } from "zod";')).toBe(true);
  });
});
