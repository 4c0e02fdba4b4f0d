import { describe, expect, it } from "vitest";
import { formatDistance } from "./format";

// Intl separates a number from its unit with a (narrow) no-break space in some locales: compare on plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatDistance", () => {
  it("rounds metres and kilometres and uses the locale's decimal separator", () => {
    expect(plain(formatDistance(83, "en"))).toBe("80 m");
    expect(plain(formatDistance(3, "en"))).toBe("10 m");
    expect(plain(formatDistance(1234, "en"))).toBe("1.2 km");
    expect(plain(formatDistance(1234, "de"))).toBe("1,2 km");
    expect(plain(formatDistance(1234, "pt-BR"))).toBe("1,2 km");
    expect(plain(formatDistance(12_400, "es"))).toBe("12 km");
  });

  it("speaks feet and miles to imperial countries", () => {
    expect(plain(formatDistance(90, "en", "imperial"))).toBe("300 ft");
    expect(plain(formatDistance(1300, "en", "imperial"))).toBe("0.8 mi");
    expect(plain(formatDistance(20_000, "en", "imperial"))).toBe("12 mi");
  });

  it("shows a dash for a distance it cannot know", () => {
    expect(formatDistance(Number.NaN, "en")).toBe("–");
    expect(formatDistance(-1, "en")).toBe("–");
  });
});
