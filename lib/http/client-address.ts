// The address a request is known by — sign-in throttling counts failures per address, /api/metrics checks
// METRICS_ALLOW against it, the request log shows it. `npm start` works it out once per request from the socket
// and, behind a reverse proxy, X-Forwarded-For, as TRUST_PROXY says:
//  - unset or `false`: nobody is trusted; X-Forwarded-For is ignored and the socket's peer is the client.
//  - `true`: the one proxy directly in front, whatever its address. The client is the LAST X-Forwarded-For entry,
//    the one that proxy appended (nginx's $proxy_add_x_forwarded_for); entries further left came from the client
//    and are never believed. Only right when nothing but the proxy can reach the instance (HOST=127.0.0.1 with
//    the proxy on the same machine, or a firewall).
//  - addresses and CIDR blocks, comma-separated (`127.0.0.1,10.0.0.0/8`): X-Forwarded-For is read only on a
//    connection from one of them, then walked from the right past the listed proxies (a chain: load balancer →
//    nginx → app); the first address not listed is the client.
// A client can therefore never choose its address by sending the header itself.
import { isIP, type BlockList } from "node:net";
import { AddressListError, listed, normalizeAddress, parseAddressList } from "./address-list";

export type TrustProxy = { kind: "none" } | { kind: "nearest" } | { kind: "listed"; proxies: BlockList };

/** TRUST_PROXY's value; throws AddressListError for a list with a malformed entry. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? "").trim();
  if (value === "" || /^(0|false|no|off)$/i.test(value)) return { kind: "none" };
  if (/^(1|true|yes|on)$/i.test(value)) return { kind: "nearest" };
  return { kind: "listed", proxies: parseAddressList(value, "TRUST_PROXY") };
}

export { AddressListError };

/** The client's address, or "unknown" when the socket has none (it closed already). */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustProxy,
): string {
  let client = normalizeAddress(peer ?? "");
  if (client === "") return "unknown";
  if (trust.kind === "none") return client;
  if (trust.kind === "listed" && !listed(trust.proxies, client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map(normalizeAddress)
    .filter(Boolean)
    .reverse();
  for (const hop of hops) {
    // a hop that is no address (garbage, "unknown") ends the walk: the last proxy we trust stands for the client
    if (isIP(hop) === 0) return client;
    client = hop;
    if (trust.kind === "nearest" || !listed(trust.proxies, hop)) return client;
  }
  return client;
}
