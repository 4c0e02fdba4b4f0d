import { describe, expect, it } from "vitest";
import { distanceUnitsForPhone } from "./distance-units";

describe("distanceUnitsForPhone", () => {
  it("speaks miles to US and UK phones", () => {
    expect(distanceUnitsForPhone("+14155552671")).toBe("imperial");
    expect(distanceUnitsForPhone("+442071838750")).toBe("imperial");
    expect(distanceUnitsForPhone("+447400123456")).toBe("imperial");
    // Guernsey's mobiles and a +44 range libphonenumber cannot place are British too.
    expect(distanceUnitsForPhone("+447781123456")).toBe("imperial");
    expect(distanceUnitsForPhone("+447700900123")).toBe("imperial");
  });

  it("speaks kilometres to everyone else, Canada included, and when the number cannot be read", () => {
    expect(distanceUnitsForPhone("+5511987654321")).toBe("metric");
    expect(distanceUnitsForPhone("+4915112345678")).toBe("metric");
    expect(distanceUnitsForPhone("+16135550123")).toBe("metric");
    expect(distanceUnitsForPhone("not a phone")).toBe("metric");
  });
});
