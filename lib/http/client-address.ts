import { isIP } from "node:net";
import { env } from "@/lib/env";
import { isPeerAddressStamped, PEER_ADDRESS_HEADER } from "./peer-address";

/**
 * The client's address, decided in this one place for every per-address limit and log line: the socket's peer when
 * no proxy is trusted (TRUSTED_PROXY_HOPS=0, the default), otherwise the entry that the outermost trusted proxy
 * appended to X-Forwarded-For. Entries further left were written by the client and are never used. Null when this
 * process has no trustworthy peer address (a request that did not come through the HTTP server, e.g. a test).
 */
export function clientAddress(headers: Headers): string | null {
  if (!isPeerAddressStamped()) return null;
  return resolveClientAddress({
    peer: headers.get(PEER_ADDRESS_HEADER),
    forwardedFor: headers.get("x-forwarded-for"),
    trustedHops: env().TRUSTED_PROXY_HOPS,
  });
}

/** Pure form of clientAddress: `trustedHops` proxies stand between the client and `peer` (the last of them). */
export function resolveClientAddress(input: { peer: string | null; forwardedFor: string | null; trustedHops: number }): string | null {
  const peer = normalize(input.peer);
  if (input.trustedHops === 0 || !peer) return peer;
  // Nearest first: each trusted proxy appended the address it was connected from.
  const hops = (input.forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean).reverse();
  const chain = [peer, ...hops];
  // Fewer entries than trusted proxies: the request skipped a proxy, so only what is certain is used.
  const candidate = chain[Math.min(input.trustedHops, chain.length - 1)];
  return normalize(candidate ?? null) ?? peer;
}

/**
 * The key a per-address limit counts under: the address itself for IPv4, its /64 network for IPv6 (one home or phone
 * gets a whole /64, so counting single IPv6 addresses would let one client rotate through billions).
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(":")}::/64`;
}

function normalize(raw: string | null): string | null {
  if (!raw) return null;
  let value = raw.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:51234" (some proxies append the port).
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.toLowerCase();
  if (value.startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value : null;
}

function expandIpv6(address: string): string[] {
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  const groups = address.includes("::") ? [...left, ...Array<string>(missing).fill("0"), ...right] : left;
  return groups.map((group) => group.padStart(4, "0"));
}

/** This machine: the embedded mode's dev pages (the outbox with its reset links) answer nobody else. */
export function isLoopbackAddress(address: string | null): boolean {
  if (!address) return false;
  return address === "::1" || (isIP(address) === 4 && address.startsWith("127."));
}
