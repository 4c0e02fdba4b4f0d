import { describe, expect, it } from "vitest";
import { redactTokens } from "./redact-path";

describe("page request logs", () => {
  it("never contain the secret of a tracking, invitation, reset or calendar link", () => {
    expect(redactTokens("/t/KDOE49l8SMbm8nkgcM1V_p6xDaqKbgiwNOIxGRSx9iQ")).toBe("/t/:token");
    expect(redactTokens("/invite/abc123")).toBe("/invite/:token");
    expect(redactTokens("/reset-password/abc123")).toBe("/reset-password/:token");
    expect(redactTokens("/calendar/KDOE49l8SMbm8nkgcM1V_p6xDaqKbgiwNOIxGRSx9iQ.ics")).toBe("/calendar/:token");
    expect(redactTokens("/maple-grove/events")).toBe("/maple-grove/events");
  });
});
