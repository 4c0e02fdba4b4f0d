import { describe, expect, it } from "vitest";
import { classifyGraphFailure, classifyStatusError, type GraphError } from "./classify";

const graph = (code: number, details?: string): GraphError => ({
  code,
  message: `(#${code}) title`,
  ...(details ? { error_data: { details } } : {}),
  fbtrace_id: "Atrace",
});

describe("classifyGraphFailure", () => {
  it.each([
    // [http status, graph code, our code, retriable]
    [429, 4, "rate_limited", true],
    [400, 80007, "rate_limited", true],
    [400, 131056, "pair_rate_limited", true],
    [503, 2, "server_error", true],
    [500, 131000, "server_error", true],
    [400, 131047, "outside_24h_window", false],
    [400, 131026, "undeliverable", false],
    [400, 131030, "recipient_not_allowed", false],
    [400, 131050, "marketing_opt_out", false],
    [400, 131048, "spam_rate_limited", false],
    [404, 132001, "template_missing", false],
    [400, 132000, "template_parameters", false],
    [400, 132012, "template_parameters", false],
    [400, 132015, "template_unavailable", false],
    [400, 132016, "template_unavailable", false],
    [400, 132007, "template_problem", false],
    [401, 190, "access_token_invalid", false],
    [403, 10, "not_authorized", false],
    [403, 200, "not_authorized", false],
    [403, 131031, "account_problem", false],
    [400, 131009, "invalid_message", false],
    [400, 100, "invalid_message", false],
  ] as const)("HTTP %i with code %i → %s (retriable: %s)", (status, code, expected, retriable) => {
    const result = classifyGraphFailure(status, graph(code));
    expect(result).toMatchObject({ ok: false, code: expected, retriable, graphCode: code, httpStatus: status, fbtraceId: "Atrace" });
    expect(result.inWords.length).toBeGreaterThan(20);
    expect(result.title.length).toBeGreaterThan(3);
  });

  it("reads code 100 about the recipient's number as an invalid recipient", () => {
    expect(classifyGraphFailure(400, graph(100, "Invalid parameter: 'to' is not a valid phone number")).code).toBe("invalid_recipient");
  });

  it("falls back on the HTTP status when the body carried no Graph error", () => {
    expect(classifyGraphFailure(429)).toMatchObject({ code: "rate_limited", retriable: true });
    expect(classifyGraphFailure(502)).toMatchObject({ code: "server_error", retriable: true });
    expect(classifyGraphFailure(401)).toMatchObject({ code: "access_token_invalid", retriable: false });
    expect(classifyGraphFailure(403)).toMatchObject({ code: "not_authorized", retriable: false });
    expect(classifyGraphFailure(404)).toMatchObject({ code: "rejected", retriable: false });
  });

  it("lets an unknown Graph code fall back on the status: retriable on 5xx, not on 4xx", () => {
    expect(classifyGraphFailure(500, graph(424242))).toMatchObject({ code: "server_error", retriable: true });
    expect(classifyGraphFailure(400, graph(424242))).toMatchObject({ code: "rejected", retriable: false });
  });

  it("prefers Meta's details over the message and leaves unknown fields out", () => {
    const result = classifyGraphFailure(400, { code: 131047, error_data: { details: "24 hours passed" } });
    expect(result.details).toBe("24 hours passed");
    expect(result).not.toHaveProperty("fbtraceId");
  });
});

describe("who a temporary failure holds up", () => {
  it("131056 (pair rate limit) and a one-off error hold up one recipient; 131056 waits at least 6 s", () => {
    expect(classifyGraphFailure(400, graph(131056))).toMatchObject({ retryScope: "recipient", retryAfterMs: 6000, title: "WhatsApp rate limit for this number" });
    expect(classifyGraphFailure(500, graph(131000))).toMatchObject({ retryScope: "recipient" });
  });

  it("a throughput limit holds up every send of the number", () => {
    for (const code of [4, 80007, 130429]) expect(classifyGraphFailure(429, graph(code))).toMatchObject({ retryScope: "sender" });
    expect(classifyGraphFailure(429)).toMatchObject({ retryScope: "sender" });
  });
});

describe("classifyStatusError (a failed status webhook)", () => {
  it("says the same as a failure at send time with the same code", () => {
    const late = classifyStatusError({ code: 131047, title: "Re-engagement message", message: "Re-engagement message", details: "Message failed to send because more than 24 hours have passed." });
    const atSend = classifyGraphFailure(400, graph(131047));
    expect(late).toMatchObject({ code: "outside_24h_window", inWords: atSend.inWords, title: atSend.title, graphCode: 131047 });
  });

  it("keeps Meta's words for a code we do not know", () => {
    const result = classifyStatusError({ code: 135000, title: "Generic user error", details: "The user has no WhatsApp." });
    expect(result).toMatchObject({ code: "not_delivered", retriable: false });
    expect(result.inWords).toBe("WhatsApp reported that it could not deliver this message. WhatsApp said: “Generic user error: The user has no WhatsApp.” (error 135000).");
  });
});
