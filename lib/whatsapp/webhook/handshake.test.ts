import { describe, expect, it } from "vitest";
import { answerHandshake } from "./handshake";

const token = "verify-me-4f9a";
const query = (q: string) => new URL(`https://example.test/api/webhooks/whatsapp?${q}`).searchParams;

describe("answerHandshake", () => {
  it("answers 200 with the challenge when mode and token match", () => {
    expect(answerHandshake(query(`hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`), token)).toEqual({
      status: 200,
      body: "1158201444",
    });
  });

  it("answers 403 for a wrong, missing or differently sized token", () => {
    for (const q of [
      "hub.mode=subscribe&hub.verify_token=verify-me-4f9b&hub.challenge=1",
      "hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1",
      `hub.mode=subscribe&hub.verify_token=${token}x&hub.challenge=1`,
      "hub.mode=subscribe&hub.verify_token=&hub.challenge=1",
      "hub.mode=subscribe&hub.challenge=1",
    ]) {
      expect(answerHandshake(query(q), token), q).toEqual({ status: 403 });
    }
  });

  it("answers 403 for another mode or no challenge", () => {
    expect(answerHandshake(query(`hub.mode=unsubscribe&hub.verify_token=${token}&hub.challenge=1`), token)).toEqual({
      status: 403,
    });
    expect(answerHandshake(query(`hub.verify_token=${token}&hub.challenge=1`), token)).toEqual({ status: 403 });
    expect(answerHandshake(query(`hub.mode=subscribe&hub.verify_token=${token}`), token)).toEqual({ status: 403 });
  });

  it("never matches when our own token is not configured", () => {
    expect(answerHandshake(query("hub.mode=subscribe&hub.verify_token=&hub.challenge=1"), "")).toEqual({ status: 403 });
  });
});
