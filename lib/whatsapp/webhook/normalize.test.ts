import { describe, expect, it } from "vitest";
import { normalizeWebhook, receiptKey, toE164, type WebhookEvent } from "./normalize";
import { decodeReplyPayload } from "./reply-payload";
import { fixtureNames, readFixture, TEST_REPLY_SECRET, type FixtureName } from "@/test/whatsapp-webhook";

const PHONE_NUMBER_ID = "106540352242922";
const WABA = "102290129340398";
const OUR_TEMPLATE = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI0QjVBQ0Q3RTg5MjFBQkNERUYA";
const at = (unixSeconds: number) => new Date(unixSeconds * 1000);
const origin = { phoneNumberId: PHONE_NUMBER_ID, businessAccountId: WABA };

function events(name: FixtureName): WebhookEvent[] {
  const result = normalizeWebhook(JSON.parse(readFixture(name)));
  if (!result.ok) throw new Error(`${name}: ${result.message}`);
  return result.events;
}

describe("normalizeWebhook: each documented shape", () => {
  it("a template quick-reply tap becomes a reply carrying our payload and the tapped message", () => {
    const [event, ...rest] = events("template-button-confirm");
    expect(rest).toEqual([]);
    expect(event).toEqual({
      ...origin,
      kind: "reply",
      source: "template_button",
      from: "+16505551234",
      wamid: "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
      timestamp: at(1774515600),
      contactName: "Sheena Nelson",
      contextWamid: OUR_TEMPLATE,
      payload: "ec1.rsvp.confirm.3f1c2a9e-8b7d-4c6e-9a1f-2b3c4d5e6f70.Ap1ifAGPYpPQCqCJ",
      title: "Confirm",
    });
    expect(event?.kind === "reply" && decodeReplyPayload(TEST_REPLY_SECRET, event.payload)).toEqual({
      type: "rsvp",
      response: "confirm",
      attendanceId: "3f1c2a9e-8b7d-4c6e-9a1f-2b3c4d5e6f70",
    });
  });

  it("an interactive button_reply becomes a reply whose payload is the button id", () => {
    expect(events("interactive-button-decline")).toEqual([
      {
        ...origin,
        kind: "reply",
        source: "interactive_button",
        from: "+4915112345678",
        wamid: "wamid.HBgNNDkxNTExMjM0NTY3OBUCABIYFDNBQ0I2OTlENTA1RkYxRkQzRUFEAA==",
        timestamp: at(1774515720),
        contactName: "Jonas Weber",
        contextWamid: "wamid.HBgNNDkxNTExMjM0NTY3OBUCABEYEkFCQ0RFRjAxMjM0NTY3ODkA",
        payload: "ec1.rsvp.decline.7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d.aeIr01-CjHnyeYYJ",
        title: "Decline",
      },
    ]);
  });

  it("a shared location becomes a location with coordinates, name and address", () => {
    expect(events("location")).toEqual([
      {
        ...origin,
        kind: "location",
        from: "+4915112345678",
        wamid: "wamid.HBgNNDkxNTExMjM0NTY3OBUCABIYFDNBNUNGNjBCOEFBQjg5ODJDRjNEAA==",
        timestamp: at(1774519200),
        contactName: "Jonas Weber",
        latitude: 52.521918,
        longitude: 13.413215,
        name: "Alexanderplatz",
        address: "Alexanderplatz 1, 10178 Berlin",
      },
    ]);
  });

  it("a text keeps its body and the sender's non-ASCII profile name intact", () => {
    expect(events("text-stop-non-ascii")).toEqual([
      {
        ...origin,
        kind: "text",
        from: "+905321234567",
        wamid: "wamid.HBgMOTA1MzIxMjM0NTY3FQIAEhgUM0E4RjQ1QjA5QzJEMUU3RjZBNTQA",
        timestamp: at(1774519500),
        contactName: "Zoë Ağaoğlu",
        body: "STOP",
      },
    ]);
  });

  it.each([
    ["status-sent", "sent", 1774512000],
    ["status-delivered", "delivered", 1774512003],
    ["status-read", "read", 1774512060],
  ] as const)("%s becomes a status event without errors", (name, status, ts) => {
    expect(events(name)).toEqual([
      { ...origin, kind: "status", wamid: OUR_TEMPLATE, status, timestamp: at(ts), recipient: "+16505551234", errors: [] },
    ]);
  });

  it("a failed status carries WhatsApp's error code, title, message and details", () => {
    expect(events("status-failed-131047")).toEqual([
      {
        ...origin,
        kind: "status",
        wamid: OUR_TEMPLATE,
        status: "failed",
        timestamp: at(1774512001),
        recipient: "+16505551234",
        errors: [
          {
            code: 131047,
            title: "Re-engagement message",
            message: "Re-engagement message",
            details:
              "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
          },
        ],
      },
    ]);
  });
});

describe("normalizeWebhook: several events in one POST", () => {
  it("flattens every entry and change in order, keeping each event's own business number", () => {
    const list = events("several-entries");
    expect(list.map((e) => [e.kind, e.phoneNumberId, "status" in e ? e.status : "from" in e ? e.from : null])).toEqual([
      ["status", PHONE_NUMBER_ID, "read"],
      ["status", PHONE_NUMBER_ID, "delivered"],
      ["reply", PHONE_NUMBER_ID, "+16505551234"],
      ["unknown", null, null],
      ["text", "117788990011223", "+8613912345678"],
      ["reply", "117788990011223", "+8613912345678"],
    ]);
    expect(list[3]).toEqual({
      kind: "unknown",
      phoneNumberId: null,
      businessAccountId: WABA,
      reason: 'field "message_template_status_update" is not handled',
    });
    expect(list[4]).toMatchObject({ businessAccountId: "113344556677889", contactName: "李雷", body: "我会准时到。" });
    const optOut = list[5];
    expect(optOut?.kind === "reply" && decodeReplyPayload(TEST_REPLY_SECRET, optOut.payload)).toEqual({
      type: "optout",
      participantId: "c0ffee00-1234-4abc-8def-0123456789ab",
    });
  });
});

describe("normalizeWebhook: what we do not handle", () => {
  it("reactions, unsupported messages and list replies become unknown events that still say who wrote when", () => {
    const list = events("unknown-types");
    expect(list).toHaveLength(3);
    expect(list.every((e) => e.kind === "unknown")).toBe(true);
    expect(list.map((e) => e.kind === "unknown" && e.reason)).toEqual([
      'message type "reaction" is not handled',
      'message type "unsupported" is not handled',
      'message type "interactive/list_reply" is not handled',
    ]);
    expect(list[0]).toEqual({
      ...origin,
      kind: "unknown",
      reason: 'message type "reaction" is not handled',
      from: "+16505551234",
      wamid: "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUUwQjE5QjdCNjI5QjM5QjM4RAA=",
      timestamp: at(1774516000),
      contactName: "Sheena Nelson",
    });
  });

  it("a malformed item becomes unknown without hiding its valid neighbours", () => {
    const body = JSON.parse(readFixture("location"));
    const value = body.entry[0].changes[0].value;
    const good = value.messages[0];
    value.messages = [
      { ...good, id: "wamid.bad-lat", location: { latitude: 123, longitude: 13.4 } },
      { ...good, id: "wamid.no-timestamp", timestamp: undefined },
      { ...good, id: "wamid.not-a-phone", from: "someone" },
      "not even an object",
      good,
    ];
    value.statuses = [{ id: "wamid.x", status: "deleted", timestamp: "1774512000", recipient_id: "16505551234" }];
    const result = normalizeWebhook(body);
    expect(result.ok).toBe(true);
    const list = result.ok ? result.events : [];
    expect(list.map((e) => e.kind)).toEqual(["unknown", "unknown", "unknown", "unknown", "location", "unknown"]);
    expect(list[0]).toMatchObject({ wamid: "wamid.bad-lat", reason: expect.stringContaining('type "location" not understood') });
    expect(list[1]).toMatchObject({ reason: expect.stringContaining("timestamp") });
    expect(list[2]).toMatchObject({ wamid: "wamid.not-a-phone", reason: expect.stringContaining("not a phone number") });
    expect(list[5]).toMatchObject({ wamid: "wamid.x", reason: 'status "deleted" is not tracked' });
  });

  it("a change or entry that does not match the documented shape becomes unknown", () => {
    const result = normalizeWebhook({
      object: "whatsapp_business_account",
      entry: [
        { id: WABA, changes: [{ field: "messages", value: { messages: [] } }] },
        { changes: [] },
        null,
      ],
    });
    expect(result.ok && result.events.map((e) => e.kind === "unknown" && e.reason.split(":")[0])).toEqual([
      "messages value not understood",
      "entry not understood",
      "entry not understood",
    ]);
  });

  it("a body that is not a WhatsApp Business Account notification is refused clearly, never thrown", () => {
    expect(normalizeWebhook({ object: "page", entry: [] })).toMatchObject({ ok: false, reason: "not_whatsapp_business_account" });
    for (const body of [null, undefined, "text", 42, [], {}, { object: "whatsapp_business_account" }, { entry: [] }]) {
      const result = normalizeWebhook(body);
      expect(result, JSON.stringify(body)).toMatchObject({ ok: false, reason: "invalid_shape" });
      expect(!result.ok && result.message).toMatch(/^Not a WhatsApp webhook body: /);
    }
    expect(normalizeWebhook({ object: "whatsapp_business_account", entry: [] })).toEqual({ ok: true, events: [] });
  });

  it("every fixture normalizes without a failure at the top level", () => {
    for (const name of fixtureNames) expect(normalizeWebhook(JSON.parse(readFixture(name))).ok, name).toBe(true);
  });
});

describe("toE164", () => {
  it("adds the + to WhatsApp's digits and refuses anything that is not a phone number", () => {
    expect(toE164("16505551234")).toBe("+16505551234");
    expect(toE164("+4915112345678")).toBe("+4915112345678");
    for (const bad of ["", "0151123456", "123", "1234567890123456", "abc", "+1 650 555 1234"]) expect(toE164(bad), bad).toBeNull();
  });
});

describe("receiptKey", () => {
  it("keys messages by wamid and statuses by wamid and status, so sent, delivered and read each apply once", () => {
    const list = events("several-entries");
    expect(list.map(receiptKey)).toEqual([
      `status:${OUR_TEMPLATE}:read`,
      `status:${OUR_TEMPLATE}:delivered`,
      "message:wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
      null,
      "message:wamid.HBgNODYxMzkxMjM0NTY3OBUCABIYFDNBMkQ0RjZBOEJDMEUyRjRBNkI4AA==",
      "message:wamid.HBgNODYxMzkxMjM0NTY3OBUCABIYFDNBM0U1RjdBOUJDMUQzRTVGN0E5AA==",
    ]);
    // The same POST delivered twice yields the same keys: the unique constraint turns the repeat into a no-op.
    expect(events("several-entries").map(receiptKey)).toEqual(list.map(receiptKey));
    expect(receiptKey(events("unknown-types")[0]!)).toBe("message:wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUUwQjE5QjdCNjI5QjM5QjM4RAA=");
  });
});
