import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";
import { startFakeGraphApiForTests, type FakeGraphRequest } from "@/test/fakes/graph-api-server";

// Scheduled messages in each participant's language, sent to a loopback fake of the Graph API. Settings are read once
// per process, so they are set before anything reads them.
connectTestDatabase();
const graph = await startFakeGraphApiForTests();

const { getDb, schema } = await import("@/lib/database");
const { runScheduledAction } = await import("@/lib/schedule");
const { scheduledActionDependencies } = await import("@/lib/jobs/scheduled-actions");
const { decodeReplyPayload } = await import("@/lib/whatsapp/webhook");
const { replyPayloadSecret } = await import("@/lib/whatsapp/secrets");
const { saveTemplateSetting } = await import("@/lib/whatsapp/template-settings");
const { formatStart } = await import("@/lib/whatsapp/format");
const { createAction, okWithUniqueWamid } = await import("@/test/schedule");
const { given } = await import("@/test/given");

afterAll(() => graph.close());
beforeEach(() => graph.setBehaviour(okWithUniqueWamid()));

const fast = { ...scheduledActionDependencies, sendsPerSecond: 1000 };
const sentTo = (phone: string, since: number) => graph.requests.slice(since).filter((r) => (r.body as { to?: string }).to === phone);
type Interactive = { type: string; interactive: { body: { text: string }; action: { buttons: { reply: { id: string; title: string } }[] } } };
type Template = { type: string; template: { name: string; language: { code: string }; components: { type: string; parameters: { text?: string }[] }[] } };
const bodyOf = <T>(request: FakeGraphRequest | undefined) => request!.body as T;

describe("scheduled messages in the participant's language", () => {
  it("a German participant's confirmation request goes out with German text and buttons; an English one's stays English", async () => {
    const f = await given.org({ name: "Sprachen", whatsapp: true }).event({ title: "Sprachen trip" }).occurrence().people([
        { name: "Jonas", rsvp: "pending", wroteHoursAgo: 1, language: "de" },
        { name: "Amy", rsvp: "pending", wroteHoursAgo: 1 },
      ]);
    const { ref } = await createAction(f.org.id, f.instance.id, "confirmation");
    const before = graph.requests.length;

    expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "done", sent: 2 });

    const jonas = f.byName("Jonas");
    const german = bodyOf<Interactive>(sentTo(jonas.participant.phone, before)[0]);
    expect(german.type).toBe("interactive");
    const start = formatStart(f.instance.startsAt, "Europe/Berlin", "de");
    expect(start).toMatch(/^(Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. \S+ \d{2}:\d{2}$/);
    expect(german.interactive.body.text).toBe(`Hallo Jonas, kommst du zu „Sprachen trip“ am ${start}? Ort: Main gate.`);
    expect(german.interactive.action.buttons.map((b) => b.reply.title)).toEqual(["Zusagen", "Absagen", "Keine Nachrichten"]);
    // The buttons still carry the signed actions, whatever they say.
    expect(german.interactive.action.buttons.map((b) => decodeReplyPayload(replyPayloadSecret(), b.reply.id)?.type)).toEqual(["rsvp", "rsvp", "optout"]);

    const english = bodyOf<Interactive>(sentTo(f.byName("Amy").participant.phone, before)[0]);
    expect(english.interactive.body.text).toBe(`Hi Amy, will you come to Sprachen trip on ${formatStart(f.instance.startsAt, "Europe/Berlin", "en")} at Main gate?`);
    expect(english.interactive.action.buttons.map((b) => b.reply.title)).toEqual(["Confirm", "Decline", "Stop messages"]);
  });

  it("a participant without a language of their own gets the organization's: a Brazilian school's reminder in Portuguese", async () => {
    const f = await given.org({ name: "Escola", whatsapp: true, language: "pt-BR" }).event({ title: "Escola trip" }).occurrence().people([{ name: "Ana", rsvp: "confirmed", wroteHoursAgo: 3 }]);
    const { ref } = await createAction(f.org.id, f.instance.id, "reminder");
    const before = graph.requests.length;
    await runScheduledAction(ref, new Date(), fast);
    const start = formatStart(f.instance.startsAt, "Europe/Berlin", "pt-BR");
    expect(start).toMatch(/^\S+\., \d{1,2} de \S+ \d{2}:\d{2}$/);
    expect(bodyOf<{ text: { body: string } }>(sentTo(f.byName("Ana").participant.phone, before)[0]).text.body).toBe(
      `Oi, Ana! Lembrete de “Escola trip”: ${start}. Local: Main gate.`,
    );
  });

  it("outside the window: the template of the participant's language, else the organization's, with the date written as the template is", async () => {
    const f = await given.org({ name: "Vorlagen", whatsapp: true, language: "de" }).event({ title: "Vorlagen trip" }).occurrence().people([
        { name: "Ana", rsvp: "pending", language: "pt-BR" },
        { name: "Sofía", rsvp: "pending", language: "es" },
        { name: "Jonas", rsvp: "pending" },
      ]);
    const ctx = f.owner.ctx;
    await saveTemplateSetting(ctx, { kind: "confirmation", locale: "de", templateName: "schule_zusage", language: "de" });
    await saveTemplateSetting(ctx, { kind: "confirmation", locale: "pt-BR", templateName: "confirmacao_escola", language: "pt_BR" });
    const { ref } = await createAction(f.org.id, f.instance.id, "confirmation");
    const before = graph.requests.length;

    expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "done", sent: 3 });

    const templateTo = (name: string) => bodyOf<Template>(sentTo(f.byName(name).participant.phone, before)[0]).template;
    const startParameter = (name: string) => templateTo(name).components.find((c) => c.type === "body")!.parameters[2]!.text;
    expect(templateTo("Ana")).toMatchObject({ name: "confirmacao_escola", language: { code: "pt_BR" } });
    expect(startParameter("Ana")).toBe(formatStart(f.instance.startsAt, "Europe/Berlin", "pt-BR"));
    // Spanish has no template: Sofía gets the organization's German one, and its date in German.
    expect(templateTo("Sofía")).toMatchObject({ name: "schule_zusage", language: { code: "de" } });
    expect(startParameter("Sofía")).toBe(formatStart(f.instance.startsAt, "Europe/Berlin", "de"));
    expect(templateTo("Jonas")).toMatchObject({ name: "schule_zusage", language: { code: "de" } });
  });

  it("the closure's thank-you goes out when the organization's language has a template, in each participant's language", async () => {
    const f = await given.org({ name: "Danke", whatsapp: true, language: "de" }).event({ title: "Danke trip" }).occurrence().people([
        { name: "Lena", rsvp: "confirmed", journey: "arrived", wroteHoursAgo: 1 },
        { name: "Sofía", rsvp: "confirmed", journey: "arrived", wroteHoursAgo: 1, language: "es" },
      ]);
    // A Spanish thank-you alone is not enough: the organization's own language has none to fall back to.
    await getDb().insert(schema.messageTemplates).values({ organizationId: f.org.id, kind: "closure", locale: "es", templateName: "gracias", language: "es" });
    const first = await createAction(f.org.id, f.instance.id, "closure");
    expect(await runScheduledAction(first.ref, new Date(), fast)).toMatchObject({ outcome: "done", recipients: 0 });

    await getDb().insert(schema.messageTemplates).values({ organizationId: f.org.id, kind: "closure", locale: "de", templateName: "danke", language: "de" });
    const before = graph.requests.length;
    for (const name of ["Lena", "Sofía"]) {
      const again = await createAction(f.org.id, f.instance.id, "closure", { participantId: f.byName(name).participant.id });
      expect(await runScheduledAction(again.ref, new Date(), fast)).toMatchObject({ outcome: "done", recipients: 1, sent: 1 });
    }
    expect(bodyOf<{ text: { body: string } }>(sentTo(f.byName("Lena").participant.phone, before)[0]).text.body).toBe("Danke, dass du bei „Danke trip“ warst, Lena!");
    expect(bodyOf<{ text: { body: string } }>(sentTo(f.byName("Sofía").participant.phone, before)[0]).text.body).toBe("¡Gracias por venir a “Danke trip”, Sofía!");
  });
});
