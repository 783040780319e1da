// Who may read /api/metrics: a scraper at one of the addresses of METRICS_ALLOW (addresses and CIDR blocks,
// comma-separated, IPv4 or IPv6), or any caller presenting `Authorization: Bearer <METRICS_TOKEN>`. With neither
// set nobody may: the metrics name routes, pools and queue sizes, which are nobody else's business. The address
// is the one `npm start` wrote into x-tracker-client-ip (lib/http/client-address.ts: the socket's peer, or what
// the proxies TRUST_PROXY names say), never a header the client chose.
import type { BlockList } from "node:net";
import { timingSafeEqual, createHash } from "node:crypto";
import { AddressListError, listed, parseAddressList } from "./address-list";

export interface MetricsAccess {
  allow: BlockList;
  token: string | null;
}

export class MetricsConfigError extends Error {}

/** Parses METRICS_ALLOW and METRICS_TOKEN; a malformed entry is an error (a typo must not open or close access silently). */
export function metricsAccess(env: Record<string, string | undefined> = process.env): MetricsAccess {
  let allow: BlockList;
  try {
    allow = parseAddressList(env.METRICS_ALLOW ?? "", "METRICS_ALLOW");
  } catch (error) {
    if (error instanceof AddressListError) throw new MetricsConfigError(error.message);
    throw error;
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
  return clientAddress !== null && listed(access.allow, clientAddress);
}
