// Every server action of the app, found by reading lib/actions (files starting with "use server"), and the
// permission-walk cases that say how each is called legitimately (tests/support/action-cases). Used by the
// permission walk and the hostile-input test, so a new action is covered — or fails them — unasked.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ActionCase } from "./action-cases/types";

const root = join(import.meta.dirname, "..", "..");

export type ServerAction = { file: string; fn: (...args: unknown[]) => unknown };

function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return actionFiles(path);
    return e.name.endsWith(".ts") && /^\s*["']use server["']/.test(readFileSync(path, "utf8")) ? [path] : [];
  });
}

export async function enumerateActions(): Promise<Map<string, ServerAction>> {
  const actions = new Map<string, ServerAction>();
  for (const file of actionFiles(join(root, "lib", "actions")).sort()) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      if (actions.has(name)) throw new Error(`two actions are called ${name}`);
      actions.set(name, { file: relative(root, file), fn: value as ServerAction["fn"] });
    }
  }
  return actions;
}

export async function loadActionCases(): Promise<Map<string, ActionCase>> {
  const dir = join(root, "tests", "support", "action-cases");
  const cases = new Map<string, ActionCase>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "types.ts")) {
    const mod = (await import(join(dir, name))) as Record<string, unknown>;
    for (const exported of Object.values(mod)) {
      if (!exported || typeof exported !== "object") continue;
      for (const [action, c] of Object.entries(exported as Record<string, unknown>)) {
        if (c && typeof c === "object" && "buildArgs" in c && "permission" in c) cases.set(action, c as ActionCase);
      }
    }
  }
  return cases;
}
