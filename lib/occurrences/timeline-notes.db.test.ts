import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { connectTestDatabase, rejection } from "@/test/database";
import { startFakeGraphApiForTests } from "@/test/fakes/graph-api-server";

// Why a scheduled action failed, was skipped or waits, as each organizer reads it on the occurrence's timeline
// (issue 17). Runs store a code and its counts; the page words them in the organizer's language, decided by the
// app's own rules (decideLocale: here the organization's, as the organizer chose none and their browser sends none).
// A row written before the codes keeps its English sentence.
connectTestDatabase();
const graph = await startFakeGraphApiForTests();

const { eq } = await import("drizzle-orm");
const { getDb, schema } = await import("@/lib/database");
const { messagesFor } = await import("@/lib/i18n");
const { decideLocale } = await import("@/lib/adapters/request-locale");
const { runScheduledAction } = await import("@/lib/schedule");
const { scheduledActionDependencies } = await import("@/lib/jobs/scheduled-actions");
const { getOccurrenceTimeline } = await import("./timeline");
const { Timeline } = await import("@/components/occurrences/timeline");
const { given } = await import("@/test/given");
const { createAction, noteIn, okWithUniqueWamid } = await import("@/test/schedule");

afterAll(() => graph.close());
beforeEach(() => graph.setBehaviour(okWithUniqueWamid()));

const fast = { ...scheduledActionDependencies, sendsPerSecond: 1000 };
const { eventInstances, organizations, scheduledActions } = schema;

/**
 * An organization in `language` (none: the default) whose occurrences' actions ended each way: one of two messages
 * failed; one of three waits for a retry; the occurrence was cancelled; WhatsApp was not set up; and an action whose
 * row dates from before the codes.
 */
async function organizerIn(language?: string) {
  const partial = await given.org({ whatsapp: true, ...(language ? { language } : {}) }).occurrence().people([{ name: "Ada" }, { name: "Ben" }]).action("confirmation");
  graph.queueBehaviours({ kind: "re-engagement" });
  expect(await runScheduledAction(partial.action.ref, new Date(), fast)).toMatchObject({ outcome: "done", failed: 1 });

  const waiting = await given.in(partial).occurrence().people([{ name: "Cem" }, { name: "Dora" }, { name: "Eve" }]).action("confirmation");
  graph.queueBehaviours({ kind: "pair-rate-limited" });
  expect(await runScheduledAction(waiting.action.ref, new Date(), fast)).toMatchObject({ outcome: "waiting", waiting: 1 });

  const cancelled = await given.in(partial).occurrence().people([{ name: "Finn" }]).action("confirmation");
  await getDb().update(eventInstances).set({ status: "cancelled" }).where(eq(eventInstances.id, cancelled.instance.id));
  expect(await runScheduledAction(cancelled.action.ref, new Date(), fast)).toMatchObject({ outcome: "skipped" });

  await getDb().update(organizations).set({ whatsappPhoneNumberId: null }).where(eq(organizations.id, partial.org.id));
  const failed = await given.in(partial).occurrence().people([{ name: "Gus" }]).action("confirmation");
  expect((await rejection(runScheduledAction(failed.action.ref, new Date(), fast))).code).toBe("PRECONDITION_FAILED");
  const old = await createAction(partial.org.id, failed.instance.id, "closure", { status: "pending" });
  await getDb()
    .update(scheduledActions)
    .set({ status: "failed", lastError: "Sent by hand instead." })
    .where(eq(scheduledActions.id, old.row.id));

  const user = { ...partial.owner.user, language: null };
  const locale = await decideLocale({ path: `/${partial.org.slug}/occurrences/${failed.instance.id}`, acceptLanguage: null, user });
  const rowOf = async (instanceId: string, action = "confirmation") =>
    (await getOccurrenceTimeline(partial.owner.ctx, instanceId)).find((row) => row.action === action)!;
  const rows = {
    partial: await rowOf(partial.instance.id),
    waiting: await rowOf(waiting.instance.id),
    cancelled: await rowOf(cancelled.instance.id),
    failed: await rowOf(failed.instance.id),
    old: await rowOf(failed.instance.id, "closure"),
  };
  const notes = Object.fromEntries(Object.entries(rows).map(([name, row]) => [name, noteIn(locale, row)]));
  // The failed occurrence's timeline as the page renders it for this organizer.
  const page = renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      { locale, messages: messagesFor(locale), timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>,
      createElement(Timeline, { rows: await getOccurrenceTimeline(partial.owner.ctx, failed.instance.id), timeZone: "Europe/Berlin" }),
    ),
  )
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
  return { locale, rows, notes, page };
}

describe("the timeline's note of a scheduled action, in the organizer's language", () => {
  it("stores a code and counts, not a sentence", async () => {
    const { rows } = await organizerIn("pt-BR");
    expect(rows.partial).toMatchObject({ lastErrorCode: "messages_failed", lastErrorValues: { failed: 1, recipients: 2 }, lastError: null });
    expect(rows.waiting).toMatchObject({ lastErrorCode: "messages_waiting", lastErrorValues: { waiting: 1, recipients: 3 } });
    expect(rows.cancelled).toMatchObject({ status: "cancelled", lastErrorCode: "occurrence_cancelled", lastError: null });
    expect(rows.failed).toMatchObject({ status: "failed", lastErrorCode: "whatsapp_not_set_up", lastError: null });
    expect(rows.old).toMatchObject({ lastErrorCode: null, lastError: "Sent by hand instead." });
  });

  it("a São Paulo organizer reads it in Portuguese", async () => {
    const { locale, notes, page } = await organizerIn("pt-BR");
    expect(locale).toBe("pt-BR");
    expect(notes).toEqual({
      partial: "Não foi possível enviar 1 de 2 mensagens.",
      waiting: "1 de 3 mensagens aguarda uma nova tentativa de envio.",
      cancelled: "A data foi cancelada: nada foi enviado.",
      failed: "O WhatsApp não está configurado nesta organização (falta o ID do número do WhatsApp), então nada foi enviado.",
      old: "Sent by hand instead.",
    });
    expect(page).toContain("Último erro: O WhatsApp não está configurado nesta organização");
    expect(page).toContain("Último erro: Sent by hand instead.");
  });

  it("a Berlin organizer reads it in German", async () => {
    const { locale, notes, page } = await organizerIn("de");
    expect(locale).toBe("de");
    expect(notes).toEqual({
      partial: "1 von 2 Nachrichten konnte nicht gesendet werden.",
      waiting: "1 von 3 Nachrichten wartet auf einen neuen Sendeversuch.",
      cancelled: "Der Einzeltermin wurde abgesagt: Es wurde nichts gesendet.",
      failed: "WhatsApp ist für diese Organisation nicht eingerichtet (keine WhatsApp-Telefonnummer-ID), daher wurde nichts gesendet.",
      old: "Sent by hand instead.",
    });
    expect(page).toContain("Letzter Fehler: WhatsApp ist für diese Organisation nicht eingerichtet");
    expect(page).toContain("Letzter Fehler: Sent by hand instead.");
  });

  it("anyone else reads it in English", async () => {
    const { locale, notes, page } = await organizerIn();
    expect(locale).toBe("en");
    expect(notes).toEqual({
      partial: "1 of 2 messages could not be sent.",
      waiting: "1 of 3 messages is waiting to be sent again.",
      cancelled: "The occurrence was cancelled: nothing was sent.",
      failed: "WhatsApp is not set up for this organization (no phone number id), so nothing was sent.",
      old: "Sent by hand instead.",
    });
    expect(page).toContain("Last error: WhatsApp is not set up for this organization (no phone number id), so nothing was sent.");
    expect(page).toContain("Last error: Sent by hand instead.");
  });
});
