import { readFileSync } from "node:fs";

/** The secret the payloads in test/fixtures/whatsapp/*.json were signed with (see reply-payload.ts). */
export const TEST_REPLY_SECRET = "test-reply-payload-secret";
export const TEST_APP_SECRET = "test-app-secret-0123456789abcdef";

export const fixtureNames = [
  "template-button-confirm",
  "interactive-button-decline",
  "location",
  "text-stop-non-ascii",
  "status-sent",
  "status-delivered",
  "status-read",
  "status-failed-131047",
  "several-entries",
  "unknown-types",
] as const;
export type FixtureName = (typeof fixtureNames)[number];

/** A webhook body exactly as Meta would POST it (raw text, for signing) — shapes from Meta's webhook reference. */
export function readFixture(name: FixtureName): string {
  return readFileSync(new URL(`./fixtures/whatsapp/${name}.json`, import.meta.url), "utf8");
}
