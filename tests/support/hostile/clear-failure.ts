// What "a clear error" means for a server action's answer: a refusal ({ok:false}) with a code a form knows how
// to show and message keys that exist in the zh-CN catalogue — never "unavailable" (which is what an action
// answers when something unexpected went wrong inside it) and never a thrown exception.
import { messagesFor } from "../../../lib/i18n/messages";

const zh = messagesFor("zh-CN");

export function isCatalogueKey(key: unknown): boolean {
  if (typeof key !== "string") return false;
  let node: unknown = zh;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object" || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

const CLEAR_CODES = new Set(["forbidden", "invalid", "not-found", "conflict"]);

/** Problems with an action's answer to bad input (empty when it is a clear refusal). */
export function unclearRefusal(result: unknown): string[] {
  if (!result || typeof result !== "object") return [`answered ${JSON.stringify(result)} instead of a refusal`];
  const r = result as {
    ok?: unknown;
    code?: unknown;
    message?: unknown;
    fieldErrors?: unknown;
    plan?: { errors?: { message?: unknown }[] };
  };
  const problems: string[] = [];
  if (r.ok !== false) problems.push(`accepted: ${JSON.stringify(result).slice(0, 300)}`);
  if (!CLEAR_CODES.has(String(r.code))) problems.push(`code ${JSON.stringify(r.code)}`);
  if (!isCatalogueKey(r.message)) problems.push(`message ${JSON.stringify(r.message)} is not in the zh-CN catalogue`);
  if (r.fieldErrors !== undefined) {
    for (const [field, keys] of Object.entries(r.fieldErrors as Record<string, unknown>)) {
      if (!Array.isArray(keys) || keys.length === 0) problems.push(`fieldErrors.${field} is ${JSON.stringify(keys)}`);
      else
        for (const key of keys)
          if (!isCatalogueKey(key))
            problems.push(`fieldErrors.${field}: ${JSON.stringify(key)} is not in the catalogue`);
    }
  }
  for (const e of r.plan?.errors ?? [])
    if (!isCatalogueKey(e.message)) problems.push(`plan error ${JSON.stringify(e.message)} is not in the catalogue`);
  return problems;
}
