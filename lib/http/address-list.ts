// Addresses and CIDR blocks named in a setting (METRICS_ALLOW, TRUST_PROXY), and the one form an address is
// compared in: IPv4-mapped IPv6 (how Node reports an IPv4 peer on a dual-stack socket) as plain IPv4.
import { BlockList, isIP } from "node:net";

export class AddressListError extends Error {}

export function normalizeAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

/** A comma-separated list of addresses and CIDR blocks; a malformed entry is an error naming `setting`. */
export function parseAddressList(raw: string, setting: string): BlockList {
  const list = new BlockList();
  for (const entry of raw
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const ip = normalizeAddress(address);
    const family = isIP(ip);
    if (family === 0) throw new AddressListError(`${setting}: "${entry}" is not an address or CIDR block`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(ip, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128))
      throw new AddressListError(`${setting}: "${entry}" has an invalid prefix length`);
    list.addSubnet(ip, bits, type);
  }
  return list;
}

/** Whether `address` (any form; not an address at all → false) is in `list`. */
export function listed(list: BlockList, address: string): boolean {
  const ip = normalizeAddress(address);
  const family = isIP(ip);
  return family !== 0 && list.check(ip, family === 4 ? "ipv4" : "ipv6");
}
