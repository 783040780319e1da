// The layering rule of the README's layout section, checked on every import of the app's code: a file may
// import from its own layer or a lower one, never from a higher one. A new upward import fails this test.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveSpecifier, root, sourceFiles } from "../support/source-tree";

/** Layers from the top (0) down. The first matching prefix wins; lib/*.ts files not listed are the core. */
const LAYERS: readonly (readonly string[])[] = [
  ["app/", "proxy.ts"],
  ["components/"],
  ["lib/data/", "lib/actions/", "lib/api/"],
  // the job runner and its tasks call writes and renderers; the rest of lib/jobs (payloads, enqueue) is core,
  // so that a write can enqueue a job in its own transaction
  ["lib/export/", "lib/import/", "lib/jobs/tasks/", "lib/jobs/runner.ts"],
  ["lib/queries/", "lib/writes/", "lib/auth/", "lib/cache/", "lib/http/", "lib/mail/"],
  ["lib/report/", "lib/forms/", "lib/validations/", "lib/i18n/", "lib/concurrency/"],
  ["lib/"],
];

function layerOf(path: string): number | null {
  const index = LAYERS.findIndex((prefixes) => prefixes.some((p) => path === p || path.startsWith(p)));
  return index === -1 ? null : index;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;
function upwardImports(fromFile: string, source: string): { to: string; from: number; into: number }[] {
  const from = layerOf(fromFile);
  if (from === null) return [];
  const found: { to: string; from: number; into: number }[] = [];
  for (const match of source.matchAll(SPECIFIER)) {
    const target = resolveSpecifier(fromFile, match[1]!);
    if (!target) continue;
    const into = layerOf(target);
    if (into !== null && into < from) found.push({ to: target, from, into });
  }
  return found;
}

describe("layers", () => {
  it("every file of app/, components/ and lib/ belongs to a layer", () => {
    const files = [...sourceFiles("app"), ...sourceFiles("components"), ...sourceFiles("lib"), "proxy.ts"];
    expect(files.length).toBeGreaterThan(150);
    expect(files.filter((f) => layerOf(f) === null)).toEqual([]);
  });

  it("no file imports from a higher layer", () => {
    const files = [...sourceFiles("app"), ...sourceFiles("components"), ...sourceFiles("lib"), "proxy.ts"];
    const upward = files.flatMap((file) =>
      upwardImports(file, readFileSync(join(root, file), "utf8")).map((u) => `${file} → ${u.to}`),
    );
    expect(upward).toEqual([]);
  });

  it("the check sees an upward import, relative or through @/, static or dynamic", () => {
    const source = [
      'import { addMilestone } from "../actions/milestones";',
      'import type { X } from "@/lib/data/items";',
      'const m = await import("../../app/page");',
      'import { today } from "../dates";',
    ].join("\n");
    const found = upwardImports("lib/forms/write-errors.ts", source).map((u) => u.to);
    expect(found).toEqual(["lib/actions/milestones.ts", "lib/data/items.ts", "app/page.tsx"]);
  });
});
