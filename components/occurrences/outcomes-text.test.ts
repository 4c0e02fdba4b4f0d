import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n";
import { summarizeOutcomes } from "@/lib/messages/outcomes";
import { describeOutcomes } from "./outcomes-text";

const text = (rows: { status: string; errorCode?: string | null }[], locale: "en" | "de" | "pt-BR" = "en") =>
  describeOutcomes(translatorFor(locale, "occurrences"), translatorFor(locale, "sendFailures"), summarizeOutcomes(rows.map((r) => ({ errorCode: null, ...r })))).map((p) => p.text).join(", ");

describe("describeOutcomes", () => {
  it("counts as sent only what WhatsApp accepted; says who waits to retry and who failed, and why", () => {
    const rows = [
      ...Array.from({ length: 6 }, () => ({ status: "sent" })),
      ...Array.from({ length: 7 }, () => ({ status: "delivered" })),
      ...Array.from({ length: 5 }, () => ({ status: "read" })),
      { status: "queued", errorCode: "pair_rate_limited" },
      { status: "failed", errorCode: "outside_24h_window" },
    ];
    expect(text(rows)).toBe("18 sent, 1 waiting to retry (WhatsApp rate limit for this number), 1 failed (Outside the 24-hour window)");
  });

  it("does not count queued or failed messages as sent", () => {
    expect(text([{ status: "queued" }, { status: "failed", errorCode: "opted_out" }, { status: "failed", errorCode: "131047" }])).toBe(
      "1 being sent, 2 failed (Opted out)",
    );
    expect(text([])).toBe("");
  });

  it("counts in the organizer's language", () => {
    const rows = [...Array.from({ length: 1200 }, () => ({ status: "delivered" })), { status: "queued" }];
    expect(text(rows, "de")).toBe("1.200 gesendet, 1 wird gesendet");
    expect(text([{ status: "failed", errorCode: "outside_24h_window" }], "pt-BR")).toBe("1 com falha (Fora da janela de 24 horas)");
  });
});
