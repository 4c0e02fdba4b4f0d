import { describe, expect, it } from "vitest";
import { maskEmail, maskPhone } from "./logger";

describe("log masking", () => {
  it("keeps only the country code and last three digits of a phone number", () => {
    expect(maskPhone("+4915112345678")).toBe("+49••••••••678");
    expect(maskPhone("+4915112345678")).not.toContain("5112345");
  });

  it("keeps the first letter and the domain of an e-mail", () => {
    expect(maskEmail("jane.doe@example.com")).toBe("j•••@example.com");
  });
});
