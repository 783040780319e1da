// The process's structured log: JSON lines on stdout (pino), one object per event, with `requestId` where a
// request caused it. Secrets never reach the output: known fields are redacted by path (passwords, tokens,
// cookies, authorization headers, connection strings), and every line is scrubbed once more for the shapes a
// secret takes inside free text (a URL's password, a bearer token, a session cookie), because error messages
// and third-party objects carry them where no path names them.
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "secret",
  "clientSecret",
  "authorization",
  "cookie",
  "set-cookie",
  "connectionString",
  "databaseUrl",
  "DATABASE_URL",
  "AUTH_SECRET",
  "METRICS_TOKEN",
  "OIDC_CLIENT_SECRET",
  "SMTP_URL",
];

/** Each secret key at the top level and up to three levels down (pino's redaction takes explicit paths). */
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (k.startsWith("[") ? `${prefix}${k}` : `${prefix}.${k}`);
  return [k, join("*"), join("*.*"), join("*.*.*")];
});

const CENSOR = "[redacted]";

/** Secrets inside free text: credentials in a URL, bearer tokens, Auth.js cookies, password fields in a form body. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"]+):[^\s@/"]+@/gi, `$1:${CENSOR}@`)
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${CENSOR}`)
    .replace(/((?:__Secure-|__Host-)?authjs\.[a-z-]+(?:\.\d+)?=)[^;\s"]+/g, `$1${CENSOR}`)
    .replace(/\b(password|token|secret)=[^&\s"]+/gi, `$1=${CENSOR}`);
}

function level(): pino.LevelWithSilent {
  const wanted = (process.env.LOG_LEVEL ?? "").trim().toLowerCase();
  return (["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const).find((l) => l === wanted) ?? "info";
}

/** A logger writing to `destination` (stdout by default, synchronously so nothing is lost at exit). */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: level(),
      base: { pid: process.pid },
      messageKey: "msg",
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
      hooks: {
        streamWrite: scrubSecrets,
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

// One logger per process, shared by Next's server bundle and the start script (which load separate copies of
// this module) under a registered symbol.
const KEY = Symbol.for("chengyu-tracker.logger");

export function logger(): Logger {
  const holder = globalThis as unknown as Record<symbol, Logger | undefined>;
  return (holder[KEY] ??= createLogger());
}
