// What a whole e2e run's server log must never hold (issue: "a full e2e run's logs contain no password, cookie or
// token value"): the passwords the run signs in with, session and CSRF cookie values, API tokens and bearer
// credentials, and a secret-named JSON field whose value is not the logger's "[redacted]". lib/log.ts redacts
// and scrubs on the way out; this reads what actually came out, after the run, so a leak by any path is found.
import { SAMPLE_PASSWORD } from "../prisma/seed/sample/accounts";

/** Passwords and client secrets the e2e specs and their configuration use. */
export const E2E_SECRETS: readonly string[] = [SAMPLE_PASSWORD, "Tracker#2026e2e", "Throttle#Test2026", "e2e-secret"];

const SHAPES: readonly [string, RegExp][] = [
  // Auth.js's session cookie is a JWE: its protected header {"alg":"dir",…} starts with these characters.
  ["session token", /eyJhbGciOiJkaXIi[A-Za-z0-9_-]{20,}/],
  ["auth cookie value", /authjs\.[a-z-]+(?:\.\d+)?=(?!\[redacted\])[^;\s"]{8,}/],
  ["API token", /\bcyt_[A-Za-z0-9_-]{43}\b/],
  ["bearer credential", /\b(?:Bearer|Basic)\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{8,}/],
  [
    "secret field",
    /"(?:password|newPassword|currentPassword|token|accessToken|refreshToken|idToken|secret|clientSecret|authorization|cookie)"\s*:\s*"(?!\[redacted\]")[^"]+"/,
  ],
];

export interface SecretFinding {
  /** 1-based line number in the text */
  line: number;
  kind: string;
}

/**
 * The secrets in `text` (only the server's lines: those that start with `prefix`), by line and kind. The value
 * itself is never returned, so reporting a finding does not leak it again.
 */
export function findSecrets(
  text: string,
  known: readonly string[] = E2E_SECRETS,
  prefix = "[WebServer]",
): SecretFinding[] {
  const findings: SecretFinding[] = [];
  text.split("\n").forEach((raw, i) => {
    if (!raw.startsWith(prefix)) return;
    const line = raw.slice(prefix.length);
    for (const secret of known)
      if (line.includes(secret)) findings.push({ line: i + 1, kind: "known password or secret" });
    for (const [kind, shape] of SHAPES) if (shape.test(line)) findings.push({ line: i + 1, kind });
  });
  return findings;
}

/**
 * Reads a stream of output chunk by chunk (lines may be cut anywhere between chunks) and keeps only the findings,
 * not the output: a whole e2e run's log is large.
 */
export function secretScanner(known: readonly string[] = E2E_SECRETS): {
  write(chunk: string): void;
  end(): { lines: number; findings: SecretFinding[] };
} {
  let partial = "";
  let lines = 0;
  const findings: SecretFinding[] = [];
  const scan = (text: string) => {
    for (const f of findSecrets(text, known)) findings.push({ ...f, line: f.line + lines });
    lines += text.split("\n").length;
  };
  return {
    write(chunk) {
      const text = partial + chunk;
      const cut = text.lastIndexOf("\n");
      if (cut < 0) {
        partial = text;
        return;
      }
      scan(text.slice(0, cut));
      partial = text.slice(cut + 1);
    },
    end() {
      if (partial) scan(partial);
      partial = "";
      return { lines, findings };
    },
  };
}
