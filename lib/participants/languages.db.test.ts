import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, type TestOrg } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { toLocale } = await import("@/lib/i18n");
const { refusal } = await import("@/test/participants");
const { given } = await import("@/test/given");
const { createParticipant, createParticipantOnRoster, getParticipant, listParticipants, listRoster, updateParticipant } =
  await import("./participants");
const { exportRosterCsv } = await import("./csv/export-roster");
const { guessMapping } = await import("./csv/guess-mapping");
const { importParticipants } = await import("./csv/import-participants");
const { parseCsv } = await import("./csv/parse-csv");
const { previewImport } = await import("./csv/preview-import");

const { participants, users } = schema;

// Issue 17: a participant's language (null: the organization's) is set by hand, by a CSV column, and exported.
describe("a participant's language", () => {
  let t: TestOrg;

  beforeAll(async () => {
    t = await given.org({ name: "Languages", country: "DE" });
  });

  it("is saved on create and update, blank is the organization's, and an unknown one is refused with nothing changed", async () => {
    const ana = await createParticipant(t.owner.ctx, { name: "Ana Souza", phone: "+55 11 98765-4321", language: "pt-BR" });
    expect(ana.language).toBe("pt-BR");
    const event = (await given.in(t).event({ kind: "periodic" })).event;
    const ben = await createParticipantOnRoster(t.owner.ctx, { eventId: event.id, name: "Ben", phone: "0151 2345 6789", language: "de" });
    expect(ben.language).toBe("de");
    expect((await createParticipant(t.owner.ctx, { name: "Cleo", phone: "0151 3456 7890" })).language).toBeNull();

    const fields = { participantId: ana.id, name: "Ana Souza", phone: ana.phone };
    expect((await updateParticipant(t.owner.ctx, { ...fields, language: "es" })).language).toBe("es");
    // The form's "Organization's language" posts a blank.
    expect((await updateParticipant(t.owner.ctx, { ...fields, language: "" })).language).toBeNull();
    await updateParticipant(t.owner.ctx, { ...fields, language: "pt-BR" });

    const refused = await refusal(updateParticipant(t.owner.ctx, { ...fields, name: "Changed", language: "fr" as never }));
    expect(refused.code).toBe("VALIDATION");
    expect(refused.fields?.language).toEqual(["Choose one of the languages offered."]);
    expect(await getParticipant(t.owner.ctx, ana.id)).toMatchObject({ name: "Ana Souza", language: "pt-BR" });

    const listed = await listParticipants(t.owner.ctx, { search: "Ana" });
    expect(listed.map((p) => [p.name, p.language])).toEqual([["Ana Souza", "pt-BR"]]);
    expect((await listRoster(t.owner.ctx, event.id)).map((p) => [p.name, p.language])).toEqual([["Ben", "de"]]);
  });

  it("is read from a CSV language column, as codes or names; an unknown one is a row error and that row is not imported", async () => {
    const event = (await given.in(t).event({ kind: "periodic", title: "Choir" })).event;
    const file = [
      "Name;Telefon;Sprache",
      "Dora;+55 11 91234-5678;pt",
      "Emil;0151 1111 2222;Deutsch",
      "Flor;0151 3333 4444;ES",
      "Gus;0151 5555 6666;",
      "Hal;0151 7777 8888;Klingonisch",
      "Ivy;0151 9999 1234;English",
    ].join("\n");
    const mapping = guessMapping(parseCsv(file).headers);
    expect(mapping).toEqual(["name", "phone", "language"]);
    const input = { eventId: event.id, csvText: file, mapping };

    const preview = await previewImport(t.owner.ctx, input);
    expect(preview.rows.map((row) => [row.data.name, row.status, row.data.language])).toEqual([
      ["Dora", "ok", "pt-BR"],
      ["Emil", "ok", "de"],
      ["Flor", "ok", "es"],
      ["Gus", "ok", null],
      ["Hal", "error", null],
      ["Ivy", "ok", "en"],
    ]);
    const klingon =
      'Language "Klingonisch" is not one we speak: write en, pt-BR, es or de, or leave it empty for the organization\'s.';
    expect(preview.rows[4]!.errors).toEqual([klingon]);
    // The organizer reads the problem in their own language.
    const inGerman = await previewImport(t.owner.ctx, input, "de");
    expect(inGerman.rows[4]!.errors).toEqual([
      "Die Sprache „Klingonisch“ kennen wir nicht: Schreib en, pt-BR, es oder de, oder lass das Feld für die Sprache der Organisation leer.",
    ]);

    const result = await importParticipants(t.owner.ctx, input);
    expect(result).toMatchObject({ created: 5, linked: 5, skipped: [{ line: 6, reason: klingon }] });
    expect((await listRoster(t.owner.ctx, event.id)).map((p) => [p.name, p.language])).toEqual([
      ["Dora", "pt-BR"],
      ["Emil", "de"],
      ["Flor", "es"],
      ["Gus", null],
      ["Ivy", "en"],
    ]);
    const hal = await getDb().select().from(participants).where(and(eq(participants.organizationId, t.org.id), eq(participants.name, "Hal")));
    expect(hal).toEqual([]);
  });

  it("an import fills in a missing language but never changes one a person already has; importing again changes nothing", async () => {
    const event = (await given.in(t).event({ kind: "periodic", title: "Football" })).event;
    const kept = await createParticipant(t.owner.ctx, { name: "Jana", phone: "0151 4242 4242", language: "de" });
    const filled = await createParticipant(t.owner.ctx, { name: "Kai", phone: "0151 4343 4343" });
    const file = "name,phone,language\nJana,0151 4242 4242,es\nKai,0151 4343 4343,pt-BR\n";
    const input = { eventId: event.id, csvText: file, mapping: guessMapping(parseCsv(file).headers) };

    expect(await importParticipants(t.owner.ctx, input)).toMatchObject({ created: 0, updated: 1, linked: 2 });
    expect((await getParticipant(t.owner.ctx, kept.id)).language).toBe("de");
    expect((await getParticipant(t.owner.ctx, filled.id)).language).toBe("pt-BR");
    expect(await importParticipants(t.owner.ctx, input)).toMatchObject({ created: 0, updated: 0, linked: 0, alreadyOnRoster: 2 });
    expect((await getParticipant(t.owner.ctx, kept.id)).language).toBe("de");
  });

  it("is exported with the roster, under headers in a German organizer's language, and the file imports back", async () => {
    const event = (await given.in(t).event({ kind: "periodic", title: "Bus" })).event;
    await createParticipantOnRoster(t.owner.ctx, { eventId: event.id, name: "Lia", phone: "+55 11 97777-6666", language: "pt-BR" });
    const max = await createParticipantOnRoster(t.owner.ctx, { eventId: event.id, name: "Max", phone: "0151 8888 7777" });
    await getDb().update(participants).set({ optedOutAt: new Date() }).where(eq(participants.id, max.id));

    // The export route answers in the request's language; a German organizer's own choice (users.language) comes first.
    const organizer = await t.add("viewer");
    await getDb().update(users).set({ language: "de" }).where(eq(users.id, organizer.user.id));
    const [user] = await getDb().select().from(users).where(eq(users.id, organizer.user.id));
    const csv = await exportRosterCsv(organizer.ctx, event.id, toLocale(user!.language));
    expect(csv.split("\r\n").slice(0, 3)).toEqual([
      "\uFEFFName,Telefon,E-Mail,Elternteil von,Abgemeldet,Sprache",
      "Lia,+5511977776666,,,,pt-BR",
      "Max,+4915188887777,,,ja,",
    ]);

    const mapping = guessMapping(parseCsv(csv).headers);
    expect(mapping).toEqual(["name", "phone", "email", "guardianOf", "ignore", "language"]);
    const other = (await given.in(t).event({ kind: "periodic", title: "Bus back" })).event;
    expect(await importParticipants(t.owner.ctx, { eventId: other.id, csvText: csv, mapping })).toMatchObject({ linked: 2, skipped: [] });
    const languages = async (eventId: string) => (await listRoster(t.owner.ctx, eventId)).map((p) => [p.name, p.language]);
    expect(await languages(other.id)).toEqual(await languages(event.id));
  });
});
