import { describe, expect, it } from "vitest";
import { messageStatus } from "@/db/schema/whatsapp";
import { historyInStatusOrder, nextStatus, type MessageStatus } from "./status-order";

// [current, incoming, stored]: null means "leave it as it is".
const table: [MessageStatus, MessageStatus, MessageStatus | null][] = [
  ["queued", "sent", "sent"],
  ["queued", "delivered", "delivered"],
  ["queued", "read", "read"],
  ["queued", "failed", "failed"],
  ["sent", "delivered", "delivered"],
  ["sent", "read", "read"],
  ["sent", "failed", "failed"],
  ["sent", "sent", null],
  ["sent", "queued", null],
  ["delivered", "read", "read"],
  ["delivered", "failed", "failed"],
  ["delivered", "sent", null],
  ["delivered", "delivered", null],
  ["read", "delivered", null],
  ["read", "sent", null],
  ["read", "failed", null],
  ["read", "read", null],
  ["failed", "sent", null],
  ["failed", "delivered", null],
  ["failed", "failed", null],
  ["failed", "read", "read"],
  ["received", "sent", null],
  ["received", "read", null],
  ["sent", "received", null],
];

/** Applies statuses one by one, as the webhook would, and returns what ends up stored. */
function apply(start: MessageStatus, arrivals: MessageStatus[]): MessageStatus {
  return arrivals.reduce((current, incoming) => nextStatus(current, incoming) ?? current, start);
}

describe("nextStatus", () => {
  it.each(table)("%s + %s → %s", (current, incoming, stored) => {
    expect(nextStatus(current, incoming)).toBe(stored);
  });

  it("covers every status the database knows", () => {
    const seen = new Set(table.flatMap(([a, b]) => [a, b]));
    expect([...seen].sort()).toEqual([...messageStatus.enumValues].sort());
  });

  it("ends at the same status whatever order the deliveries arrive in", () => {
    expect(apply("queued", ["read", "delivered", "sent"])).toBe("read");
    expect(apply("queued", ["delivered", "sent", "sent"])).toBe("delivered");
    expect(apply("queued", ["failed", "sent"])).toBe("failed");
    expect(apply("queued", ["sent", "failed", "delivered"])).toBe("failed");
    expect(apply("queued", ["sent", "delivered", "failed"])).toBe("failed");
    // Read proves the person saw it: a failure reported from another device does not undo that, in either order.
    expect(apply("queued", ["read", "failed"])).toBe("read");
    expect(apply("queued", ["failed", "read"])).toBe("read");
  });
});

describe("historyInStatusOrder", () => {
  it("reads sent, delivered, read (a failure last), one entry each at the first time it was reported", () => {
    const at = (minute: number) => `2026-03-02T09:0${minute}:00.000Z`;
    const arrived = [
      { status: "sent", at: at(1) },
      { status: "read", at: at(7) },
      { status: "delivered", at: at(2) },
      { status: "sent", at: at(0) },
      { status: "failed", at: at(3), error: "…" },
    ];
    expect(historyInStatusOrder(arrived)).toEqual([
      { status: "sent", at: at(0) },
      { status: "delivered", at: at(2) },
      { status: "read", at: at(7) },
      { status: "failed", at: at(3), error: "…" },
    ]);
    expect(historyInStatusOrder([])).toEqual([]);
  });
});
