/**
 * Which IP addresses a server-side fetch may connect to. Framework-free.
 *
 * IPv4: refused are this-network, private (RFC 1918), carrier-grade NAT, loopback, link-local, IETF
 * protocol assignments, documentation, 6to4 relay, benchmarking, multicast, reserved and broadcast.
 * IPv6: only global unicast (2000::/3) is allowed, minus its special ranges (2001::/23 IETF protocol
 * assignments incl. Teredo, 2001:db8::/32 and 3fff::/20 documentation, 2002::/16 6to4). Everything
 * else (loopback, link-local, unique-local, multicast, IPv4-compatible, ::ffff:0:0/96, NAT64
 * 64:ff9b::/96 and 64:ff9b:1::/48, ...) is refused, except IPv4-mapped ::ffff:a.b.c.d, which is judged
 * as the IPv4 address it is. See docs/decisions/0010-url-fetch-safety.md.
 */
import { BlockList, isIP } from "node:net";

const V4_BLOCKED: ReadonlyArray<readonly [string, number, string]> = [
  ["0.0.0.0", 8, "this network"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "carrier-grade NAT"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.0.2.0", 24, "documentation"],
  ["192.88.99.0", 24, "6to4 relay"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
];

/** Named IPv6 ranges: inside 2000::/3 these are refused; outside it the name makes the message clearer. */
const V6_NAMED: ReadonlyArray<readonly [string, number, string]> = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["::", 96, "IPv4-compatible"],
  ["::ffff:0:0:0", 96, "IPv4-translated"],
  ["64:ff9b::", 96, "NAT64"],
  ["64:ff9b:1::", 48, "NAT64 (local use)"],
  ["100::", 64, "discard-only"],
  ["2001::", 23, "IETF protocol assignments (Teredo, benchmarking, ORCHID)"],
  ["2001:db8::", 32, "documentation"],
  ["2002::", 16, "6to4"],
  ["3fff::", 20, "documentation"],
  ["fc00::", 7, "unique-local"],
  ["fe80::", 10, "link-local"],
  ["fec0::", 10, "site-local"],
  ["ff00::", 8, "multicast"],
];

function buildList(): Map<string, BlockList> {
  const byReason = new Map<string, BlockList>();
  const add = (net: string, prefix: number, family: "ipv4" | "ipv6", reason: string) => {
    let list = byReason.get(reason);
    if (!list) byReason.set(reason, (list = new BlockList()));
    list.addSubnet(net, prefix, family);
  };
  for (const [net, prefix, reason] of V4_BLOCKED) add(net, prefix, "ipv4", reason);
  for (const [net, prefix, reason] of V6_NAMED) add(net, prefix, "ipv6", reason);
  return byReason;
}

const BLOCKED = buildList();

/** The 16 bytes of an IPv6 address (any textual form Node accepts), or null when it is not one. */
export function ipv6Bytes(address: string): Uint8Array | null {
  if (isIP(address) !== 6) return null;
  let text = address.replace(/%.*$/, "");
  // A trailing dotted IPv4 part becomes two hex groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, dotted.index) + ((a << 8) | b).toString(16) + ":" + ((c << 8) | d).toString(16);
  }
  const [head = "", tail] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(missing).fill("0"), ...tailGroups];
  if (groups.length !== 8) return null;
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const n = parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  return bytes;
}

/** The IPv4 address of an IPv4-mapped IPv6 address (::ffff:a.b.c.d), or null. */
export function mappedIpv4(address: string): string | null {
  const b = ipv6Bytes(address);
  if (!b || !b.slice(0, 10).every((x) => x === 0) || b[10] !== 0xff || b[11] !== 0xff) return null;
  return `${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
}

function listedReason(address: string, type: "ipv4" | "ipv6"): string | null {
  for (const [reason, list] of BLOCKED) if (list.check(address, type)) return reason;
  return null;
}

/**
 * Why an address must not be fetched from ("loopback", "private", ...), or null when it is public.
 * Anything that is not a valid IP address is refused as "not an IP address".
 */
export function blockedReason(address: string): string | null {
  const bare = address.replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 0) return "not an IP address";
  if (family === 4) return listedReason(bare, "ipv4");
  const mapped = mappedIpv4(bare);
  if (mapped) return blockedReason(mapped);
  const named = listedReason(bare, "ipv6");
  if (named) return named;
  const first = ipv6Bytes(bare)?.[0] ?? 0;
  return (first & 0xe0) === 0x20 ? null : "non-global IPv6";
}
