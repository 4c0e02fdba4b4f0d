import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

// An invalid event as each organizer reads it (issue 17). The domain refuses with problems of the catalog; runAction,
// which every server action runs in, words them in the request's language, decided by the app's own rules
// (decideLocale: the user's choice, else the browser's, else the organization's) — with the limits' numbers written
// the way that language writes them. The public API answers the same refusal in English, whatever the organization.
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { eventInput } = await import("@/test/events");
const { asRequest } = await import("@/test/request");
const { api, keyFor } = await import("@/test/api");
const { createEvent } = await import("@/lib/occurrences/event-lifecycle");
const { runAction } = await import("@/lib/http");

// No title, a 25-hour event, a latitude off the globe and a confirmation two weeks ahead (a week at most).
const invalid = eventInput({
  title: "",
  durationMinutes: 1500,
  venueLat: 95,
  schedule: { confirmationOffsetMinutes: 20_160, reminderOffsetMinutes: 120, trackingOffsetMinutes: 60, closureOffsetMinutes: 30 },
});

type Org = Awaited<ReturnType<typeof orgIn>>;
async function orgIn(language: string) {
  return given.org({ language, country: language === "pt-BR" ? "BR" : language === "de" ? "DE" : "US" });
}

/** Saving the event as a server action does, in a request from `org`'s organizer (their browser sends no language). */
function save(org: Org, language: string | null = null) {
  const user = { ...org.owner.user, language };
  return asRequest({ path: `/${org.org.slug}/events/new`, acceptLanguage: null, user }, () =>
    runAction("save-event", async () => {
      await createEvent(org.owner.ctx, invalid);
    }),
  );
}

/** The refusal as each language says it: the form's message, and one message per field. */
const WORDED = {
  "pt-BR": {
    message: "Confira os campos marcados.",
    fields: {
      title: ["Dê um título ao evento."],
      durationMinutes: ["Um evento dura no máximo 24 horas."],
      venueLat: ["Use um valor de -90 a 90."],
      "schedule.confirmationOffsetMinutes": ["Use no máximo 10.080 minutos."],
    },
  },
  de: {
    message: "Bitte prüf die markierten Felder.",
    fields: {
      title: ["Gib dem Termin einen Titel."],
      durationMinutes: ["Ein Termin dauert höchstens 24 Stunden."],
      venueLat: ["Verwende einen Wert von -90 bis 90."],
      "schedule.confirmationOffsetMinutes": ["Verwende höchstens 10.080 Minuten."],
    },
  },
  en: {
    message: "Some fields need attention.",
    fields: {
      title: ["Give the event a title."],
      durationMinutes: ["An event lasts at most 24 hours."],
      venueLat: ["Use a value from -90 to 90."],
      "schedule.confirmationOffsetMinutes": ["Use at most 10,080 minutes."],
    },
  },
};

describe("an invalid event, in the organizer's language", () => {
  it("reads Portuguese for an organizer of a Brazilian school, numbers written as Brazilians write them", async () => {
    expect(await save(await orgIn("pt-BR"))).toEqual({ ok: false, code: "VALIDATION", ...WORDED["pt-BR"] });
  });

  it("reads German for an organizer who chose German, whatever the organization's language", async () => {
    expect(await save(await orgIn("pt-BR"), "de")).toEqual({ ok: false, code: "VALIDATION", ...WORDED.de });
  });

  it("reads English for an English organizer, as before", async () => {
    expect(await save(await orgIn("en"))).toEqual({ ok: false, code: "VALIDATION", ...WORDED.en });
  });

  it("a refusal of the domain's own (not the schema's) follows the language too", async () => {
    const school = await orgIn("es");
    const event = await createEvent(school.owner.ctx, eventInput());
    await getDb().update(schema.events).set({ status: "archived" }).where(eq(schema.events.id, event.id));
    const { updateEvent } = await import("@/lib/occurrences/event-lifecycle");
    const answer = await asRequest({ user: { ...school.owner.user, language: null }, path: `/${school.org.slug}/events` }, () =>
      runAction("save-event", async () => {
        await updateEvent(school.owner.ctx, { ...eventInput({ title: "Otro" }), eventId: event.id });
      }),
    );
    expect(answer).toEqual({ ok: false, code: "PRECONDITION_FAILED", message: "Este evento está archivado. Los eventos archivados no se pueden editar." });
  });

  it("the public API answers a German organization's bad event in English", async () => {
    const verein = await orgIn("de");
    const answer = await api(await keyFor(verein.owner, "manager")).post("/events", invalid);
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({ error: { code: "VALIDATION", ...WORDED.en } });
  });
});
