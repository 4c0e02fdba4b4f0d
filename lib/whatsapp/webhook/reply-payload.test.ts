import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decodeReplyPayload,
  encodeReplyPayload,
  MAX_BUTTON_ID_LENGTH,
  MAX_REPLY_PAYLOAD_LENGTH,
  type ReplyAction,
} from "./reply-payload";

const secret = "test-reply-payload-secret";
const attendanceId = "3f1c2a9e-8b7d-4c6e-9a1f-2b3c4d5e6f70";
const participantId = "c0ffee00-1234-4abc-8def-0123456789ab";
const actions: ReplyAction[] = [
  { type: "rsvp", response: "confirm", attendanceId },
  { type: "rsvp", response: "decline", attendanceId },
  { type: "optout", participantId },
];

describe("reply payloads", () => {
  it.each(actions)("round-trips %o", (action) => {
    const payload = encodeReplyPayload(secret, action);
    expect(payload).toMatch(/^ec1\.(rsvp\.(confirm|decline)|optout)\.[0-9a-f-]{36}\.[A-Za-z0-9_-]{16}$/);
    expect(decodeReplyPayload(secret, payload)).toEqual(action);
  });

  it("has the documented format", () => {
    expect(encodeReplyPayload(secret, actions[0]!)).toBe(
      "ec1.rsvp.confirm.3f1c2a9e-8b7d-4c6e-9a1f-2b3c4d5e6f70.Ap1ifAGPYpPQCqCJ",
    );
  });

  it("fits WhatsApp's limits with room to spare", () => {
    expect(MAX_REPLY_PAYLOAD_LENGTH).toBeLessThanOrEqual(MAX_BUTTON_ID_LENGTH);
    for (const action of actions) expect(encodeReplyPayload(secret, action).length).toBeLessThanOrEqual(70);
    const oversized = `${encodeReplyPayload(secret, actions[0]!)}${"x".repeat(MAX_REPLY_PAYLOAD_LENGTH)}`;
    expect(decodeReplyPayload(secret, oversized)).toBeNull();
  });

  it("rejects a payload signed with another secret", () => {
    for (const action of actions) {
      expect(decodeReplyPayload("another-secret", encodeReplyPayload(secret, action))).toBeNull();
    }
  });

  it("rejects tampering: another attendance, another answer, a cut or altered mac", () => {
    const payload = encodeReplyPayload(secret, actions[0]!);
    const mac = payload.slice(-16);
    const otherAttendance = payload.replace(attendanceId, "3f1c2a9e-8b7d-4c6e-9a1f-2b3c4d5e6f71");
    for (const bad of [
      otherAttendance,
      payload.replace("confirm", "decline"),
      payload.replace("ec1.rsvp.confirm", "ec1.optout"),
      payload.slice(0, -1),
      `${payload.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`,
      payload.slice(0, -17),
      `${payload}.${mac}`,
      payload.toUpperCase(),
      "",
      ".",
      "Confirm",
    ]) {
      expect(decodeReplyPayload(secret, bad), bad).toBeNull();
    }
  });

  it("rejects well-signed payloads that are not an action we know", () => {
    const sign = (body: string) =>
      `${body}.${createHmac("sha256", secret).update(body).digest("base64url").slice(0, 16)}`;
    expect(decodeReplyPayload(secret, sign(`ec1.rsvp.confirm.${attendanceId}`))).toEqual(actions[0]);
    for (const body of [
      `ec1.rsvp.maybe.${attendanceId}`,
      `ec2.rsvp.confirm.${attendanceId}`,
      `ec1.rsvp.confirm.not-a-uuid`,
      `ec1.rsvp.confirm.${attendanceId}.extra`,
      `ec1.optout`,
      `ec1.delete.${participantId}`,
    ]) {
      expect(decodeReplyPayload(secret, sign(body)), body).toBeNull();
    }
  });

  it("refuses to sign with an empty secret or an invalid action", () => {
    expect(() => encodeReplyPayload("", actions[0]!)).toThrow(/secret/);
    expect(() => decodeReplyPayload("", "ec1.optout.x.y")).toThrow(/secret/);
    expect(() => encodeReplyPayload(secret, { type: "optout", participantId: "x.y" })).toThrow();
  });
});
