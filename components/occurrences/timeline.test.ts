import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n";
import { summarizeOutcomes } from "@/lib/messages/outcomes";
import type { TimelineRow } from "@/lib/occurrences/timeline";
import { Timeline } from "./timeline";

// What an organizer reads under each scheduled message of an occurrence, rendered as the server sends it.
const messages = (statuses: [status: string, errorCode: string | null][]) =>
  statuses.map(([status, errorCode]) => ({ status, errorCode }));
const row = (values: Partial<TimelineRow>, sent: [string, string | null][] = []): TimelineRow => ({
  id: crypto.randomUUID(),
  action: "confirmation",
  dueAt: new Date("2026-03-02T06:00:00Z"),
  dueLocal: "2026-03-02T07:00",
  status: "done",
  retryAt: null,
  attempts: 1,
  lastErrorCode: null,
  lastErrorValues: null,
  lastError: null,
  recipients: [],
  messages: [],
  outcomes: summarizeOutcomes(messages(sent)),
  followUps: [],
  ...values,
});
// Rendered for an English reader, as the organizer layout's provider would.
const text = (rows: TimelineRow[]) =>
  renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      { locale: "en", messages: messagesFor("en"), timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>,
      createElement(Timeline, { rows, timeZone: "Europe/Berlin" }),
    ),
  )
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe("Timeline", () => {
  it("says where each recipient's message stands, counting as sent only what went out, while some wait to retry", () => {
    const waiting = row(
      { status: "pending", retryAt: new Date("2026-03-02T06:00:30Z"), lastErrorCode: "messages_waiting", lastErrorValues: { waiting: 1, recipients: 4 } },
      [["read", null], ["sent", null], ["queued", "pair_rate_limited"], ["failed", "outside_24h_window"]],
    );
    const html = text([waiting]);
    expect(html).toContain("Retrying");
    expect(html).toContain("2 sent , 1 waiting to retry (WhatsApp rate limit for this number) , 1 failed (Outside the 24-hour window)");
    expect(html).toContain("next try at 07:00");
    expect(html).not.toContain("Last error");
    expect(html).not.toMatch(/Sent 4 messages/);
  });

  it("keeps the reason of an action that failed or was skipped; a sent one says it in its outcomes instead", () => {
    const failed = row({ status: "failed", lastErrorCode: "whatsapp_not_set_up" });
    expect(text([failed])).toContain("Last error: WhatsApp is not set up for this organization (no phone number id), so nothing was sent.");
    const done = row({ lastErrorCode: "messages_failed", lastErrorValues: { failed: 1, recipients: 2 } }, [["sent", null], ["failed", "outside_24h_window"]]);
    expect(text([done])).toContain("1 sent , 1 failed (Outside the 24-hour window)");
    expect(text([done])).not.toContain("Last error");
  });
});
