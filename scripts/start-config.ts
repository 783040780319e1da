// Settings for `npm start`, from arguments and environment. Every mistake is a one-line ConfigError.
import { resolve } from "node:path";
import { CLOSED_PERIODS, MIN_CLOSED_PERIODS } from "../prisma/seed/sample/periods";
import { AddressListError, parseTrustProxy, type TrustProxy } from "../lib/http/client-address";

export class ConfigError extends Error {
  override name = "ConfigError";
}

export interface StartConfig {
  port: number;
  hostname: string;
  databaseUrl: string | null;
  embeddedDir: string;
  embeddedPort: number;
  sample: boolean;
  /** closed monthly periods in the sample data's year (SAMPLE_MONTHS, default 12) */
  sampleMonths: number;
  skipBuild: boolean;
  /** behind a reverse proxy: whose X-Forwarded-For to believe (lib/http/client-address.ts) */
  trustProxy: TrustProxy;
  /** on SIGTERM, how long requests in flight may take to finish before their connections are cut */
  shutdownGraceMs: number;
  /** keep rendered pages per data version and person (scripts/page-cache/); PAGE_CACHE=off renders every time */
  pageCache: boolean;
}

const USAGE = "usage: npm start [-- --no-sample]";

function parsePort(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ConfigError(`${name}=${raw} is not a port number (0–65535)`);
  return n;
}

function parseMs(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 600_000)
    throw new ConfigError(`${name}=${raw} must be a whole number of milliseconds (0–600000)`);
  return n;
}

function parseSampleMonths(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return CLOSED_PERIODS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < MIN_CLOSED_PERIODS || n > 24)
    throw new ConfigError(`SAMPLE_MONTHS=${raw} must be a whole number of months (${MIN_CLOSED_PERIODS}–24)`);
  return n;
}

function parseBool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name}=${raw} must be true or false`);
}

function trustProxyOf(raw: string | undefined): TrustProxy {
  try {
    return parseTrustProxy(raw);
  } catch (error) {
    if (error instanceof AddressListError)
      throw new ConfigError(`${error.message} (TRUST_PROXY is true, false, or the proxies' addresses and CIDR blocks)`);
    throw error;
  }
}

export function loadConfig(argv: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): StartConfig {
  let sample = parseBool("SAMPLE_DATA", env.SAMPLE_DATA, true);
  let skipBuild = parseBool("SKIP_BUILD", env.SKIP_BUILD, false);
  for (const arg of argv) {
    if (arg === "--no-sample") sample = false;
    else if (arg === "--skip-build") skipBuild = true;
    else throw new ConfigError(`unknown option ${arg} (${USAGE})`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\/[^/]/.test(databaseUrl)) {
    throw new ConfigError(
      "DATABASE_URL must look like postgresql://user:password@host:5432/database (or leave it unset to use the embedded database)",
    );
  }
  return {
    port: parsePort("PORT", env.PORT, 3000),
    hostname: env.HOST?.trim() || "127.0.0.1",
    databaseUrl,
    embeddedDir: resolve(cwd, env.EMBEDDED_PG_DIR?.trim() || ".data/pg"),
    embeddedPort: parsePort("EMBEDDED_PG_PORT", env.EMBEDDED_PG_PORT, 0),
    sample,
    sampleMonths: parseSampleMonths(env.SAMPLE_MONTHS),
    skipBuild,
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    shutdownGraceMs: parseMs("SHUTDOWN_GRACE_MS", env.SHUTDOWN_GRACE_MS, 10_000),
    pageCache: parseBool("PAGE_CACHE", env.PAGE_CACHE, true),
  };
}
