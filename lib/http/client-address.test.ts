import { describe, expect, it } from "vitest";
import { addressBucket, isLoopbackAddress, resolveClientAddress } from "./client-address";

describe("resolveClientAddress", () => {
  it("with no trusted proxy, is the socket's peer whatever X-Forwarded-For says", () => {
    for (const forwardedFor of [null, "198.51.100.1", "10.0.0.1, 198.51.100.2", "not an address"]) {
      expect(resolveClientAddress({ peer: "203.0.113.7", forwardedFor, trustedHops: 0 })).toBe("203.0.113.7");
    }
  });

  it("behind one proxy, is the entry that proxy appended: the client's own entries on the left never count", () => {
    const rotate = (spoofed: string) =>
      resolveClientAddress({ peer: "10.0.0.2", forwardedFor: `${spoofed}, 203.0.113.7`, trustedHops: 1 });
    expect(new Set(["1.1.1.1", "2.2.2.2", "3.3.3.3"].map(rotate))).toEqual(new Set(["203.0.113.7"]));
  });

  it("behind two proxies, skips the inner proxy's entry", () => {
    expect(
      resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.7, 10.0.0.9", trustedHops: 2 }),
    ).toBe("203.0.113.7");
  });

  it("takes the furthest certain entry when there are fewer entries than trusted proxies", () => {
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: null, trustedHops: 1 })).toBe("10.0.0.2");
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "203.0.113.7", trustedHops: 3 })).toBe("203.0.113.7");
  });

  it("normalizes IPv4-mapped IPv6, ports and brackets, and falls back to the peer on garbage", () => {
    expect(resolveClientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: null, trustedHops: 0 })).toBe("127.0.0.1");
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "203.0.113.7:51234", trustedHops: 1 })).toBe("203.0.113.7");
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "[2001:DB8::1]:443", trustedHops: 1 })).toBe("2001:db8::1");
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "evil.example", trustedHops: 1 })).toBe("10.0.0.2");
    expect(resolveClientAddress({ peer: null, forwardedFor: "203.0.113.7", trustedHops: 1 })).toBeNull();
  });
});

describe("addressBucket", () => {
  it("keeps an IPv4 address and counts an IPv6 address by its /64", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:0db8:0001:0002::/64");
    expect(addressBucket("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:0db8:0001:0002::/64");
    expect(addressBucket("::1")).toBe("0000:0000:0000:0000::/64");
  });
});

describe("isLoopbackAddress", () => {
  it("is this machine only", () => {
    expect(["127.0.0.1", "127.8.9.10", "::1"].every(isLoopbackAddress)).toBe(true);
    expect(["10.0.0.1", "192.168.1.5", "2001:db8::1", "::ffff:10.0.0.1"].some(isLoopbackAddress)).toBe(false);
    expect(isLoopbackAddress(null)).toBe(false);
  });
});
