/**
 * Which IP addresses a server-side fetch may connect to. Framework-free.
 *
 * Refused: loopback, private (RFC 1918), carrier-grade NAT, link-local, unique-local, site-local,
 * multicast, unspecified, broadcast, reserved and documentation ranges, and any IPv6 form that embeds
 * one of those IPv4 addresses (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64
 * 64:ff9b::/96, 6to4 2002::/16). See docs/decisions/0002-url-fetch-safety.md.
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

const V6_BLOCKED: ReadonlyArray<readonly [string, number, string]> = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["100::", 64, "discard-only"],
  ["2001:db8::", 32, "documentation"],
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
  for (const [net, prefix, reason] of V6_BLOCKED) add(net, prefix, "ipv6", reason);
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

/** The IPv4 address an IPv6 address embeds (mapped, compatible, NAT64, 6to4), or null. */
export function embeddedIpv4(address: string): string | null {
  const b = ipv6Bytes(address);
  if (!b) return null;
  const v4 = (o: number) => `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4(12); // ::ffff:a.b.c.d
  if (zero(0, 12) && !zero(12, 16) && !(zero(12, 15) && b[15] === 1)) return v4(12); // ::a.b.c.d
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return v4(12); // NAT64
  if (b[0] === 0x20 && b[1] === 0x02) return v4(2); // 6to4
  return null;
}

/**
 * Why an address must not be fetched from ("loopback", "private", ...), or null when it is public.
 * Anything that is not a valid IP address is refused as "not an IP address".
 */
export function blockedReason(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return "not an IP address";
  if (family === 6) {
    const inner = embeddedIpv4(address);
    if (inner) {
      const reason = blockedReason(inner);
      if (reason) return reason;
    }
  }
  const type = family === 4 ? "ipv4" : "ipv6";
  for (const [reason, list] of BLOCKED) if (list.check(address.replace(/%.*$/, ""), type)) return reason;
  return null;
}
