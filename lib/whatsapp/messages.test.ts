import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  buildLocationRequestMessage,
  buildReplyButtonsMessage,
  buildTemplateMessage,
  buildTextMessage,
} from "./messages";

const envelope = { messaging_product: "whatsapp", recipient_type: "individual", to: "+4915112345678" };

function validationError(build: () => unknown): AppError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    return error as AppError;
  }
  throw new Error("expected a VALIDATION AppError, but the message was built");
}

describe("buildTemplateMessage", () => {
  it("builds body parameters, quick replies with our payloads and the URL button suffix, buttons in index order", () => {
    const message = buildTemplateMessage({
      to: "+4915112345678",
      name: "event_confirmation",
      language: "pt_BR",
      bodyParameters: ["Zoë Ñúñez", "Friday 18:00"],
      urlButton: { index: 2, suffix: "t/abc123" },
      quickReplies: [
        { index: 1, payload: "rsvp:decline:att_1" },
        { index: 0, payload: "rsvp:confirm:att_1" },
      ],
    });
    expect(message).toEqual({
      ...envelope,
      type: "template",
      template: {
        name: "event_confirmation",
        language: { code: "pt_BR" },
        components: [
          { type: "body", parameters: [{ type: "text", text: "Zoë Ñúñez" }, { type: "text", text: "Friday 18:00" }] },
          { type: "button", sub_type: "quick_reply", index: "0", parameters: [{ type: "payload", payload: "rsvp:confirm:att_1" }] },
          { type: "button", sub_type: "quick_reply", index: "1", parameters: [{ type: "payload", payload: "rsvp:decline:att_1" }] },
          { type: "button", sub_type: "url", index: "2", parameters: [{ type: "text", text: "t/abc123" }] },
        ],
      },
    });
  });

  it("leaves components out for a template without variables, and adds the plus sign to a bare number", () => {
    expect(buildTemplateMessage({ to: "4915112345678", name: "hello_world", language: "en_US" })).toEqual({
      ...envelope,
      type: "template",
      template: { name: "hello_world", language: { code: "en_US" } },
    });
  });

  it.each([
    ["a local number", { to: "0151 1234567" }, "to"],
    ["an upper-case template name", { name: "Event Confirmation" }, "name"],
    ["an unknown language shape", { language: "english" }, "language"],
    ["an empty body parameter", { bodyParameters: [""] }, "bodyParameters.0"],
    ["a body parameter with a line break", { bodyParameters: ["line one\nline two"] }, "bodyParameters.0"],
    ["a body parameter with five spaces in a row", { bodyParameters: ["a     b"] }, "bodyParameters.0"],
    ["a payload over 256 characters", { quickReplies: [{ index: 0, payload: "x".repeat(257) }] }, "quickReplies.0.payload"],
    ["a URL suffix with a space", { urlButton: { index: 0, suffix: "t/a b" } }, "urlButton.suffix"],
    ["a button index over 9", { quickReplies: [{ index: 10, payload: "p" }] }, "quickReplies.0.index"],
    [
      "two buttons on one index",
      { quickReplies: [{ index: 0, payload: "p" }], urlButton: { index: 0, suffix: "x" } },
      "quickReplies",
    ],
  ])("refuses %s with a VALIDATION error naming the field", (_label, change, field) => {
    const error = validationError(() =>
      buildTemplateMessage({ to: "+4915112345678", name: "event_confirmation", language: "en", ...change }),
    );
    expect(error.fields).toHaveProperty([field]);
    expect(error.message).toMatch(/^The WhatsApp template message cannot be sent: /);
  });
});

describe("buildReplyButtonsMessage", () => {
  it("builds an interactive button message with header, body, footer and up to three reply buttons", () => {
    const message = buildReplyButtonsMessage({
      to: "+4915112345678",
      header: "Board games night",
      body: "Are you coming on Friday?",
      footer: "Reply STOP to opt out",
      buttons: [
        { id: "rsvp:confirm:att_1", title: "Yes, I'm coming" },
        { id: "rsvp:decline:att_1", title: "No" },
        { id: "opt_out", title: "Stop messages" },
      ],
    });
    expect(message).toEqual({
      ...envelope,
      type: "interactive",
      interactive: {
        type: "button",
        header: { type: "text", text: "Board games night" },
        body: { text: "Are you coming on Friday?" },
        footer: { text: "Reply STOP to opt out" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "rsvp:confirm:att_1", title: "Yes, I'm coming" } },
            { type: "reply", reply: { id: "rsvp:decline:att_1", title: "No" } },
            { type: "reply", reply: { id: "opt_out", title: "Stop messages" } },
          ],
        },
      },
    });
  });

  it("leaves header and footer out when not given", () => {
    const message = buildReplyButtonsMessage({ to: "+4915112345678", body: "Coming?", buttons: [{ id: "y", title: "Yes" }] });
    expect(message.interactive).toEqual({
      type: "button",
      body: { text: "Coming?" },
      action: { buttons: [{ type: "reply", reply: { id: "y", title: "Yes" } }] },
    });
  });

  const button = (i: number) => ({ id: `b${i}`, title: `Option ${i}` });
  it.each([
    ["no buttons", { buttons: [] }, "buttons"],
    ["four buttons", { buttons: [1, 2, 3, 4].map(button) }, "buttons"],
    ["a title over 20 characters", { buttons: [{ id: "a", title: "This title is too long" }] }, "buttons.0.title"],
    ["an id over 256 characters", { buttons: [{ id: "i".repeat(257), title: "Yes" }] }, "buttons.0.id"],
    ["two buttons with the same id", { buttons: [{ id: "a", title: "Yes" }, { id: "a", title: "No" }] }, "buttons"],
    ["an empty body", { body: "" }, "body"],
  ])("refuses %s", (_label, change, field) => {
    const error = validationError(() =>
      buildReplyButtonsMessage({ to: "+4915112345678", body: "Coming?", buttons: [button(1)], ...change }),
    );
    expect(error.fields).toHaveProperty([field]);
  });

  it("accepts exactly 20 characters and 256-character ids", () => {
    const message = buildReplyButtonsMessage({
      to: "+4915112345678",
      body: "Coming?",
      buttons: [{ id: "i".repeat(256), title: "t".repeat(20) }],
    });
    expect(message.interactive.action.buttons[0]!.reply.title).toHaveLength(20);
  });
});

describe("buildLocationRequestMessage", () => {
  it("builds Meta's location_request_message with the send_location action", () => {
    expect(buildLocationRequestMessage({ to: "+4915112345678", body: "Share where you are so we can wait for you." })).toEqual({
      ...envelope,
      type: "interactive",
      interactive: {
        type: "location_request_message",
        body: { text: "Share where you are so we can wait for you." },
        action: { name: "send_location" },
      },
    });
  });

  it("refuses a body over 1024 characters", () => {
    const error = validationError(() => buildLocationRequestMessage({ to: "+4915112345678", body: "x".repeat(1025) }));
    expect(error.fields).toHaveProperty(["body"]);
  });
});

describe("buildTextMessage", () => {
  it("builds a text message without link preview by default, and with it when asked", () => {
    expect(buildTextMessage({ to: "+4915112345678", body: "See you soon" })).toEqual({
      ...envelope,
      type: "text",
      text: { body: "See you soon", preview_url: false },
    });
    expect(buildTextMessage({ to: "+4915112345678", body: "Track: https://x.test/t/a", previewUrl: true }).text).toEqual({
      body: "Track: https://x.test/t/a",
      preview_url: true,
    });
  });

  it("refuses an empty body and one over 4096 characters", () => {
    expect(validationError(() => buildTextMessage({ to: "+4915112345678", body: "" })).fields).toHaveProperty(["body"]);
    expect(validationError(() => buildTextMessage({ to: "+4915112345678", body: "x".repeat(4097) })).fields).toHaveProperty([
      "body",
    ]);
  });
});
