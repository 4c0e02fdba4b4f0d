import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messagesFor, type Locale } from "@/lib/i18n";
import type { MessageRow } from "@/lib/messages/list-messages";
import { MessagesTable } from "./messages-table";

// What an organizer reads on the Messages page, rendered as the server sends it.
const row = (values: Partial<MessageRow>): MessageRow => ({
  id: crypto.randomUUID(),
  direction: "outbound",
  kind: "confirmation",
  type: "template",
  status: "sent",
  statusHistory: [],
  body: {},
  errorCode: null,
  errorMessage: null,
  attempts: 0,
  retryAt: null,
  createdAt: new Date("2026-03-02T09:00:00Z"),
  participantId: null,
  participantName: "Ada",
  participantPhone: "+4915112345678",
  instanceId: null,
  startsAt: null,
  eventTitle: null,
  timeZone: null,
  ...values,
});
const page = (rows: MessageRow[], locale: Locale = "en") =>
  renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      // Its children come as createElement's third argument, which its props type does not know of.
      { locale, messages: messagesFor(locale), timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>,
      createElement(MessagesTable, { orgSlug: "acme", rows, timeZone: "UTC", showOccurrence: false }),
    ),
  )
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

// Times in Intl's English ("en"), as every English page now shows them (formerly British, "2 Mar, 09:00").
describe("MessagesTable", () => {
  it("lists the status history in status order, each status at its own time, however the reports arrived", () => {
    const statusHistory = [
      { status: "sent", at: "2026-03-02T09:00:00Z" },
      { status: "read", at: "2026-03-02T09:07:00Z" },
      { status: "delivered", at: "2026-03-02T09:02:00Z" },
      { status: "sent", at: "2026-03-02T09:01:00Z" },
    ];
    expect(page([row({ status: "read", statusHistory })])).toContain("Sent Mar 2, 9:00 AM → Delivered Mar 2, 9:02 AM → Read Mar 2, 9:07 AM");
  });

  it("names an unknown sender by their WhatsApp profile name", () => {
    const inbound = { direction: "inbound", kind: "reply", status: "received", participantName: null } as const;
    const html = page([row({ ...inbound, type: "text", body: { text: "Hola", outcome: "recorded", contactName: "Maria Silva" } })]);
    expect(html).toContain("Maria Silva WhatsApp name · not a participant");
    expect(html).not.toContain("Unknown number");
    expect(page([row({ ...inbound, type: "text", body: { text: "Hola", outcome: "recorded" } })])).toContain("Unknown number");
  });

  it("says why a queued message waits and when it is tried again", () => {
    const html = page([
      row({
        status: "queued",
        errorCode: "pair_rate_limited",
        errorMessage: "WhatsApp limits how many messages one person can get from you in a short time.",
        attempts: 1,
        retryAt: new Date("2026-03-02T09:00:06Z"),
      }),
    ]);
    expect(html).toContain("Waiting to retry (next try after Mar 2, 9:00 AM): WhatsApp limits how many messages one person can get");
  });

  it("says why a message failed in the organizer's language, keeping WhatsApp's own words when it gave some", () => {
    const failed = (errorCode: string, errorMessage: string) => row({ status: "failed", errorCode, errorMessage });
    const stored = "The person has not written in the last 24 hours, so only an approved template can be sent.";
    expect(page([failed("outside_24h_window", stored)], "de")).toContain(
      "Die Person hat in den letzten 24 Stunden nicht geschrieben, daher kann nur eine freigegebene Vorlage gesendet werden.",
    );
    const unknown = "WhatsApp reported that it could not deliver this message. WhatsApp said: “Generic user error” (error 135000).";
    expect(page([failed("not_delivered", unknown)], "pt-BR")).toContain(
      "O WhatsApp informou que não conseguiu entregar esta mensagem. “Generic user error” (error 135000).",
    );
    // A code with no words of its own keeps the sentence stored with the message.
    expect(page([failed("something_new", "Something new went wrong.")], "es")).toContain("Something new went wrong.");
  });
});
