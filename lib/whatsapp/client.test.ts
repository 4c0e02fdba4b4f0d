import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendWhatsApp, type WhatsAppConfig } from "./client";
import { startFakeGraphServer, type FakeGraphServer } from "@/test/fakes/graph-api-server";
import { buildTemplateMessage, buildTextMessage } from "./messages";

const TOKEN = "EAAG-test-token";
let graph: FakeGraphServer;
let config: WhatsAppConfig;

beforeAll(async () => {
  graph = await startFakeGraphServer({ acceptedToken: TOKEN });
  config = { baseUrl: graph.url, apiVersion: "v23.0", phoneNumberId: "106540352242922", accessToken: TOKEN };
});

afterAll(async () => {
  await graph.close();
});

beforeEach(() => {
  graph.requests.length = 0;
  graph.setBehaviour({ kind: "ok" });
});

const message = buildTemplateMessage({
  to: "+4915112345678",
  name: "event_confirmation",
  language: "en",
  bodyParameters: ["Ana"],
  quickReplies: [{ index: 0, payload: "rsvp:confirm:att_1" }],
});
const send = (overrides: Partial<WhatsAppConfig> = {}, options = {}) => sendWhatsApp({ ...config, ...overrides }, message, options);

describe("sendWhatsApp request", () => {
  it("posts the message as JSON to /{version}/{phone-number-id}/messages with the bearer token", async () => {
    await send();
    expect(graph.requests).toHaveLength(1);
    const [request] = graph.requests;
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/v23.0/106540352242922/messages");
    expect(request!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.body).toEqual(message);
  });

  it("accepts a base URL with a trailing slash", async () => {
    await send({ baseUrl: `${graph.url}/` });
    expect(graph.requests[0]!.path).toBe("/v23.0/106540352242922/messages");
  });

  it("refuses invalid settings without sending anything", async () => {
    const result = await send({ phoneNumberId: "not-a-number" });
    expect(result).toMatchObject({ ok: false, retriable: false, code: "invalid_config" });
    expect(graph.requests).toHaveLength(0);
  });

  it("uses the fetch it is given", async () => {
    const seen: string[] = [];
    const tracingFetch: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    const result = await send({}, { fetch: tracingFetch });
    expect(result.ok).toBe(true);
    expect(seen).toEqual([`${graph.url}/v23.0/106540352242922/messages`]);
  });
});

describe("sendWhatsApp classification against the fake Graph API", () => {
  it("200 → ok with the wamid Graph returned", async () => {
    graph.setBehaviour({ kind: "ok", wamid: "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA" });
    expect(await send()).toEqual({ ok: true, wamid: "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", waId: "4915112345678" });
  });

  it("200 → the recipient's WhatsApp id as Graph reports it, which may differ from the number sent to", async () => {
    const brazil = buildTextMessage({ to: "+5531998765432", body: "Oi" });
    graph.setWaId("+5531998765432", "553198765432");
    expect(await sendWhatsApp(config, brazil)).toMatchObject({ ok: true, waId: "553198765432" });
    // An answer without contacts (or with odd ones) is still a success: the message went out.
    graph.setBehaviour({ kind: "body", body: JSON.stringify({ messaging_product: "whatsapp", contacts: [{ input: "x" }], messages: [{ id: "wamid.x" }] }) });
    expect(await sendWhatsApp(config, brazil)).toEqual({ ok: true, wamid: "wamid.x" });
  });

  it("429 → retriable rate limit", async () => {
    graph.setBehaviour({ kind: "rate-limited" });
    expect(await send()).toMatchObject({ ok: false, retriable: true, code: "rate_limited", httpStatus: 429, graphCode: 130429 });
  });

  it("500 → retriable server error", async () => {
    graph.setBehaviour({ kind: "server-error" });
    expect(await send()).toMatchObject({ ok: false, retriable: true, code: "server_error", httpStatus: 500 });
  });

  it("503 with an HTML body → retriable server error", async () => {
    graph.setBehaviour({ kind: "body", status: 503, body: "<html>Service Unavailable</html>", contentType: "text/html" });
    expect(await send()).toMatchObject({ ok: false, retriable: true, code: "server_error", httpStatus: 503 });
  });

  it("131047 → not retriable, explained as the 24-hour window, with Meta's details and trace id", async () => {
    graph.setBehaviour({ kind: "re-engagement" });
    const result = await send();
    expect(result).toMatchObject({
      ok: false,
      retriable: false,
      code: "outside_24h_window",
      graphCode: 131047,
      httpStatus: 400,
      inWords: "The person has not written in the last 24 hours, so only an approved template can be sent.",
    });
    expect(result.ok === false && result.details).toMatch(/more than 24 hours/);
    expect(result.ok === false && result.fbtraceId).toMatch(/^Afake/);
  });

  it("131026 → not retriable, undeliverable", async () => {
    graph.setBehaviour({ kind: "graph-error", status: 400, code: 131026, message: "(#131026) Message Undeliverable" });
    expect(await send()).toMatchObject({ ok: false, retriable: false, code: "undeliverable", graphCode: 131026 });
  });

  it("100 about the recipient's number → not retriable, invalid recipient", async () => {
    graph.setBehaviour({
      kind: "graph-error",
      status: 400,
      code: 100,
      message: "(#100) Invalid parameter",
      details: "The recipient phone number is not a WhatsApp phone number.",
    });
    expect(await send()).toMatchObject({ ok: false, retriable: false, code: "invalid_recipient", graphCode: 100 });
  });

  it("132001 → not retriable, template missing", async () => {
    graph.setBehaviour({
      kind: "graph-error",
      status: 404,
      code: 132001,
      message: "(#132001) Template name does not exist in the translation",
      details: "template name (event_confirmation) does not exist in en",
    });
    const result = await send();
    expect(result).toMatchObject({ ok: false, retriable: false, code: "template_missing", httpStatus: 404 });
    expect(result.ok === false && result.inWords).toMatch(/template/);
  });

  it("132012 → not retriable, template parameters do not fit", async () => {
    graph.setBehaviour({ kind: "graph-error", status: 400, code: 132012, message: "(#132012) Parameter format does not match format in the created template" });
    expect(await send()).toMatchObject({ ok: false, retriable: false, code: "template_parameters" });
  });

  it("a wrong token → Graph's 401 / 190, not retriable", async () => {
    const result = await send({ accessToken: "EAAG-revoked" });
    expect(graph.requests[0]!.headers.authorization).toBe("Bearer EAAG-revoked");
    expect(result).toMatchObject({ ok: false, retriable: false, code: "access_token_invalid", graphCode: 190, httpStatus: 401 });
  });

  it("an unknown 4xx Graph code → not retriable, refused", async () => {
    graph.setBehaviour({ kind: "graph-error", status: 400, code: 987654 });
    expect(await send()).toMatchObject({ ok: false, retriable: false, code: "rejected", graphCode: 987654 });
  });

  it("no answer within the timeout → retriable timeout", async () => {
    graph.setBehaviour({ kind: "slow", delayMs: 2_000 });
    const started = Date.now();
    expect(await send({}, { timeoutMs: 150 })).toMatchObject({ ok: false, retriable: true, code: "timeout" });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("a dropped connection → retriable network failure", async () => {
    graph.setBehaviour({ kind: "hang-up" });
    expect(await send()).toMatchObject({ ok: false, retriable: true, code: "network" });
  });

  it("connection refused → retriable network failure", async () => {
    const closed = await startFakeGraphServer();
    await closed.close();
    const result = await send({ baseUrl: closed.url });
    expect(result).toMatchObject({ ok: false, retriable: true, code: "network" });
    expect(result.ok === false && result.details).toMatch(/ECONNREFUSED/);
  });

  it("200 with a body that is not JSON → not retriable (it may have gone out), malformed", async () => {
    graph.setBehaviour({ kind: "body", body: "<html>oops</html>" });
    expect(await send()).toMatchObject({ ok: false, retriable: false, code: "malformed_response", httpStatus: 200 });
  });

  it("200 with JSON but no message id → malformed", async () => {
    graph.setBehaviour({ kind: "body", body: JSON.stringify({ messaging_product: "whatsapp", messages: [] }) });
    expect(await send()).toMatchObject({ ok: false, retriable: false, code: "malformed_response" });
  });

  it("400 with an error body of the wrong shape → classified by status alone", async () => {
    graph.setBehaviour({ kind: "body", status: 400, body: JSON.stringify({ error: { code: "oops" } }) });
    const result = await send();
    expect(result).toMatchObject({ ok: false, retriable: false, code: "rejected", httpStatus: 400 });
    expect(result.ok === false && result.graphCode).toBeUndefined();
  });

  it("answers queued behaviours in order, then the current one", async () => {
    graph.queueBehaviours({ kind: "server-error" }, { kind: "rate-limited" });
    const text = buildTextMessage({ to: "+4915112345678", body: "hi" });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await sendWhatsApp(config, text));
    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual(["server_error", "rate_limited", "ok"]);
  });
});
