import { BlockList, isIP } from "node:net";

// Outbound webhooks go to addresses an organizer typed: without this guard a receiver URL could make the server probe
// its own network (a cloud metadata service at 169.254.169.254, a database on 10.x). Every address a hostname resolves
// to is checked, and the connection goes to the address that was checked (see outbound.ts).

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", the unspecified address
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["64:ff9b::", 96], // NAT64: reaches IPv4 addresses, private ones included
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** `::ffff:127.0.0.1` or its hex form `::ffff:7f00:1` → `127.0.0.1`; anything else → null. */
export function mappedIPv4(address: string): string | null {
  const match = /^::ffff:(.+)$/i.exec(address);
  if (!match) return null;
  const tail = match[1]!;
  if (isIP(tail) === 4) return tail;
  const groups = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
  if (!groups) return null;
  const [high, low] = [parseInt(groups[1]!, 16), parseInt(groups[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** True for an address outbound webhooks must not reach: private, loopback, link-local, CGNAT, unique-local, multicast, unspecified. */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 0) return true;
  if (family === 4) return blocked.check(bare, "ipv4");
  // The URL parser writes every spelling of an IPv6 address one way (0:0:0:0:0:ffff:7f00:1 → ::ffff:7f00:1).
  const canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  const mapped = mappedIPv4(canonical);
  if (mapped) return blocked.check(mapped, "ipv4");
  return blocked.check(canonical, "ipv6");
}

/** A URL's host when it is an IP address literal (`[::1]` → `::1`), else null (a name to resolve). */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, "");
  return isIP(bare) === 0 ? null : bare;
}
