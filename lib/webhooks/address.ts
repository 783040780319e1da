// SSRF protection for webhooks: a webhook's host is resolved (every address it has) and refused when any address
// is private, loopback, link-local, CGNAT, multicast, unspecified, reserved, or an IPv6 form that embeds an IPv4
// address (IPv4-mapped, NAT64, …) — unless an administrator allowed private targets for that webhook. Checked
// when the webhook is registered and again at each delivery, where the connection is made to the very address
// that was checked (deliver.ts passes `lookup`), so a DNS answer that changes between check and connect cannot
// slip a private address in.
import { BlockList, isIP } from "node:net";
import { lookup } from "node:dns/promises";

export type AddressKind =
  "unspecified" | "loopback" | "private" | "link-local" | "cgnat" | "multicast" | "mapped" | "reserved";

const RANGES: [AddressKind, string, number, "ipv4" | "ipv6"][] = [
  ["unspecified", "0.0.0.0", 8, "ipv4"],
  ["private", "10.0.0.0", 8, "ipv4"],
  ["cgnat", "100.64.0.0", 10, "ipv4"],
  ["loopback", "127.0.0.0", 8, "ipv4"],
  ["link-local", "169.254.0.0", 16, "ipv4"],
  ["private", "172.16.0.0", 12, "ipv4"],
  ["reserved", "192.0.0.0", 24, "ipv4"],
  ["reserved", "192.0.2.0", 24, "ipv4"],
  ["private", "192.168.0.0", 16, "ipv4"],
  ["reserved", "198.18.0.0", 15, "ipv4"],
  ["reserved", "198.51.100.0", 24, "ipv4"],
  ["reserved", "203.0.113.0", 24, "ipv4"],
  ["multicast", "224.0.0.0", 4, "ipv4"],
  ["reserved", "240.0.0.0", 4, "ipv4"],
  ["unspecified", "::", 128, "ipv6"],
  ["loopback", "::1", 128, "ipv6"],
  // IPv4-compatible (deprecated) and IPv4-mapped: an IPv4 address in IPv6 clothing
  ["mapped", "::", 96, "ipv6"],
  ["mapped", "::ffff:0:0", 96, "ipv6"],
  // NAT64 and 6to4 reach an IPv4 address chosen by whoever writes the name
  ["mapped", "64:ff9b::", 96, "ipv6"],
  ["mapped", "64:ff9b:1::", 48, "ipv6"],
  ["mapped", "2002::", 16, "ipv6"],
  ["reserved", "100::", 64, "ipv6"],
  ["reserved", "2001:db8::", 32, "ipv6"],
  ["private", "fc00::", 7, "ipv6"],
  ["link-local", "fe80::", 10, "ipv6"],
  ["private", "fec0::", 10, "ipv6"],
  ["multicast", "ff00::", 8, "ipv6"],
];

const LISTS = new Map<AddressKind, BlockList>();
for (const [kind, network, prefix, family] of RANGES) {
  let list = LISTS.get(kind);
  if (!list) LISTS.set(kind, (list = new BlockList()));
  list.addSubnet(network, prefix, family);
}
// The first matching kind wins. IPv4 addresses never count as "mapped" (BlockList may compare an IPv4 address
// with the IPv4-mapped IPv6 rules); IPv6 ones are "mapped" before anything their embedded IPv4 address would make them.
const ORDER_V4: AddressKind[] = ["unspecified", "loopback", "private", "link-local", "cgnat", "multicast", "reserved"];
const ORDER_V6: AddressKind[] = ["mapped", ...ORDER_V4];

/** What kind of non-public address `ip` is, or null for a public one (and for anything that is not an IP). */
export function nonPublicKind(ip: string): AddressKind | null {
  const family = isIP(ip);
  if (family === 0) return null;
  if (family === 6) {
    // :: and ::1 lie inside ::/96 (IPv4-compatible): name them before the ranges
    const words = expandV6(ip);
    if (words.every((w) => w === 0)) return "unspecified";
    if (words.slice(0, 7).every((w) => w === 0) && words[7] === 1) return "loopback";
  }
  const type = family === 4 ? "ipv4" : "ipv6";
  for (const kind of family === 4 ? ORDER_V4 : ORDER_V6) if (LISTS.get(kind)!.check(ip, type)) return kind;
  return null;
}

/** The eight 16-bit words of an IPv6 address (a trailing dotted IPv4 part counts as two). */
function expandV6(ip: string): number[] {
  let text = ip.split("%")[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (s: string) => (s === "" ? [] : s.split(":").map((w) => parseInt(w, 16)));
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  return [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family as 4 | 6 }));

/** Why a target was refused: the name does not resolve, or an address it resolves to is not public. */
export type TargetRefusal =
  | { reason: "unresolvable"; host: string; detail: string }
  | { reason: "non-public"; host: string; address: string; kind: AddressKind };

/** The host of a URL as the resolver wants it: an IPv6 literal without its brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/**
 * Resolves `host` and checks every address. Answers the addresses to connect to, or why none may be used: with
 * `allowPrivate` any address is fine; without, one non-public address refuses the whole name (a name with a
 * public and a private address would otherwise reach the private one half the time).
 */
export async function checkTarget(
  host: string,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<{ ok: true; addresses: ResolvedAddress[] } | { ok: false; refusal: TargetRefusal }> {
  let addresses: ResolvedAddress[];
  const literal = isIP(host);
  if (literal !== 0) addresses = [{ address: host, family: literal as 4 | 6 }];
  else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      return { ok: false, refusal: { reason: "unresolvable", host, detail: (error as Error).message } };
    }
    if (addresses.length === 0) return { ok: false, refusal: { reason: "unresolvable", host, detail: "no address" } };
  }
  if (!allowPrivate) {
    for (const a of addresses) {
      const kind = nonPublicKind(a.address);
      if (kind) return { ok: false, refusal: { reason: "non-public", host, address: a.address, kind } };
    }
  }
  return { ok: true, addresses };
}

/** A refusal as one line for the delivery log. */
export function describeRefusal(r: TargetRefusal): string {
  return r.reason === "unresolvable"
    ? `${r.host} does not resolve (${r.detail})`
    : `${r.host} resolves to ${r.address}, a ${r.kind} address: refused (the webhook does not allow private targets)`;
}
