// A signed-in person over plain HTTP, for tests and benchmarks that need many of them at once (a browser per
// editor would not fit on two cores). It uses only the app's real endpoints: Auth.js's credentials callback to
// sign in, and Next's server-action protocol (POST with a Next-Action header, arguments encoded by React's own
// encodeReply) to call the same actions the forms call. Action ids come from the build's manifest, so the
// caller names an action by file and export ("lib/actions/items.ts", "postProgressUpdate").
import { readFileSync } from "node:fs";
import { join } from "node:path";
// React's Flight client: the exact encoder the browser uses for server-action arguments.
// @ts-expect-error — Next ships this compiled module without type declarations.
import * as flight from "next/dist/compiled/react-server-dom-webpack/client.node.js";

const root = join(import.meta.dirname, "..", "..");

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

let manifest: Map<string, string> | undefined;

/** The id of a server action in the current production build (`.next`), e.g. actionId("lib/actions/items.ts", "postProgressUpdate"). */
export function actionId(file: string, exportedName: string): string {
  if (!manifest) {
    const raw = JSON.parse(readFileSync(join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
      node: Record<string, ManifestEntry>;
    };
    manifest = new Map(Object.entries(raw.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
  }
  const id = manifest.get(`${file}#${exportedName}`);
  if (!id) throw new Error(`no server action ${exportedName} in ${file} in .next (is the build current?)`);
  return id;
}

/** Every server action in the build, as {file, exportedName, id}. */
export function allActions(): { file: string; exportedName: string; id: string }[] {
  actionId("lib/actions/auth.ts", "signOutAction");
  return [...manifest!].map(([key, id]) => {
    const [file, exportedName] = key.split("#") as [string, string];
    return { file, exportedName, id };
  });
}

export interface ActionResponse<T = unknown> {
  status: number;
  /** the action's return value, decoded; undefined when the answer was not a Flight payload */
  value: T | undefined;
  /** the raw body when it was not a Flight payload (an error page, a redirect) */
  text?: string;
  location?: string | null;
}

export class HttpSession {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** A request with this person's cookies; the session cookie the server re-issues is kept. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    const response = await fetch(new URL(path, this.baseUrl), { redirect: "manual", ...init, headers });
    this.remember(response);
    return response;
  }

  /** Sign in with a login name and password through Auth.js's credentials endpoint. Throws when refused. */
  async signIn(loginName: string, password: string): Promise<void> {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const body = new URLSearchParams({ csrfToken: csrf.csrfToken, loginName, password, callbackUrl: "/" });
    const response = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(this.baseUrl).origin },
      body,
    });
    await response.arrayBuffer();
    const location = response.headers.get("location") ?? "";
    if (response.status !== 302 || !this.sessionToken() || /error=/.test(location)) {
      throw new Error(`sign-in as ${loginName} refused: ${response.status} ${location}`);
    }
  }

  sessionToken(): string | undefined {
    return this.cookies.get("authjs.session-token");
  }

  /**
   * Call a server action as its form would: `args` are the action's arguments (for a useActionState form,
   * [previousState, formData]). `path` is the page the form is on; the answer is decoded from Flight.
   */
  async callAction<T = unknown>(
    file: string,
    exportedName: string,
    args: unknown[],
    path = "/",
  ): Promise<ActionResponse<T>> {
    const body = (await flight.encodeReply(args)) as string | FormData;
    const response = await this.fetch(path, {
      method: "POST",
      headers: {
        "next-action": actionId(file, exportedName),
        accept: "text/x-component",
        origin: new URL(this.baseUrl).origin,
        ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      },
      body,
    });
    return decodeActionResponse<T>(response);
  }
}

/** Read a server action's HTTP answer: the return value when the body is Flight, else the text. */
export async function decodeActionResponse<T>(response: Response): Promise<ActionResponse<T>> {
  const type = response.headers.get("content-type") ?? "";
  const location = response.headers.get("location") ?? response.headers.get("x-action-redirect");
  if (!type.includes("text/x-component")) {
    return { status: response.status, value: undefined, text: await response.text(), location };
  }
  const rows = flightRows(await response.text());
  // Row 0 is {a: actionResult, f: re-rendered page, b: buildId}; only the action's result matters here.
  // React's own decoder would need the page's client modules to read `f`, so the rows are read directly.
  const root = rows.get("0") as { a?: unknown } | undefined;
  return {
    status: response.status,
    value: root && "a" in root ? (resolveFlight(root.a, rows) as T) : undefined,
    location,
  };
}

/** The JSON rows (`<hex id>:<json>`) of a Flight payload; other row kinds (modules, text, hints) are skipped. */
function flightRows(text: string): Map<string, unknown> {
  const rows = new Map<string, unknown>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):([[{"\dtfn-].*)$/.exec(line);
    if (!m) continue;
    try {
      rows.set(m[1]!, JSON.parse(m[2]!));
    } catch {
      // a text row that happens to start like JSON: not part of an action result
    }
  }
  return rows;
}

/** Plain data as React encodes it: "$@1"/"$1" point at other rows, "$$" escapes a dollar, "$D" is a Date. */
function resolveFlight(value: unknown, rows: Map<string, unknown>): unknown {
  if (typeof value === "string" && value.startsWith("$")) {
    if (value === "$undefined") return undefined;
    if (value.startsWith("$$")) return value.slice(1);
    if (value.startsWith("$D")) return new Date(value.slice(2));
    const ref = /^\$@?([0-9a-f]+)$/.exec(value);
    if (ref) return resolveFlight(rows.get(ref[1]!), rows);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveFlight(v, rows));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveFlight(v, rows)]));
  return value;
}

/** A FormData from plain fields (arrays become repeated fields, as a multi-select sends them). */
export function formOf(fields: Record<string, string | number | string[] | undefined>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, String(v));
  }
  return form;
}
