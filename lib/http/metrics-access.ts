// Who may read /api/metrics: a scraper at one of the addresses of METRICS_ALLOW (addresses and CIDR blocks,
// comma-separated, IPv4 or IPv6), or any caller presenting `Authorization: Bearer <METRICS_TOKEN>`. With neither
// set nobody may: the metrics name routes, pools and queue sizes, which are nobody else's business. The address
// is the one `npm start` wrote into x-tracker-client-ip (the socket's peer, or with TRUST_PROXY the first
// X-Forwarded-For entry), never a header the client chose.
import { BlockList, isIP } from "node:net";
import { timingSafeEqual, createHash } from "node:crypto";

export interface MetricsAccess {
  allow: BlockList;
  token: string | null;
}

export class MetricsConfigError extends Error {}

function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

/** Parses METRICS_ALLOW and METRICS_TOKEN; a malformed entry is an error (a typo must not open or close access silently). */
export function metricsAccess(env: Record<string, string | undefined> = process.env): MetricsAccess {
  const allow = new BlockList();
  for (const entry of (env.METRICS_ALLOW ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const ip = normalize(address);
    const family = isIP(ip);
    if (family === 0) throw new MetricsConfigError(`METRICS_ALLOW: "${entry}" is not an address or CIDR block`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      allow.addAddress(ip, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128))
      throw new MetricsConfigError(`METRICS_ALLOW: "${entry}" has an invalid prefix length`);
    allow.addSubnet(ip, bits, type);
  }
  const token = (env.METRICS_TOKEN ?? "").trim();
  return { allow, token: token === "" ? null : token };
}

function sameSecret(a: string, b: string): boolean {
  // compare digests: equal lengths for timingSafeEqual, and no early exit on the first differing byte
  return timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());
}

/** Whether a request from `clientAddress` with `authorization` may read the metrics. */
export function mayReadMetrics(
  access: MetricsAccess,
  clientAddress: string | null,
  authorization: string | null,
): boolean {
  if (access.token) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
    if (match && sameSecret(match[1]!, access.token)) return true;
  }
  if (!clientAddress) return false;
  const ip = normalize(clientAddress);
  const family = isIP(ip);
  if (family === 0) return false;
  return access.allow.check(ip, family === 4 ? "ipv4" : "ipv6");
}
