import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";
import type { Given } from "@/test/given";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { NOT_GERMAN, refusal } = await import("@/test/participants");
const { listRoster } = await import("../participants");
const { guessMapping } = await import("./guess-mapping");
const { parseCsv } = await import("./parse-csv");
const { importParticipants } = await import("./import-participants");
const { exportRosterCsv } = await import("./export-roster");

// A school's roster as it comes out of a German spreadsheet: BOM, semicolons, CRLF, first and last name apart,
// phone numbers in every style people type them (and one Excel mangled), quoted fields, three bad rows.
const NUMBER_STYLES = [
  (nn: string) => `0151 1234 56${nn}`,
  (nn: string) => `+49 151 123456${nn}`,
  (nn: string) => `0049151123456${nn}`,
  (nn: string) => `(0151) 123456-${nn}`,
  (nn: string) => `49151123456${nn}`,
];
const FIRST = ["Lena", "Jonas", "Mia", "Elias", "Emma", "Noah", "Sofia", "Paul", "Hanna", "Ben"];
const LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann"];
const rows = Array.from({ length: 30 }, (_, i) => {
  const nn = String(i + 10);
  const child = `${FIRST[(i + 3) % 10]} ${LAST[i % 10]}`;
  const last = i === 7 ? `"${LAST[i % 10]}; geb. Groß"` : LAST[i % 10];
  let phone = NUMBER_STYLES[i % NUMBER_STYLES.length]!(nn);
  if (i === 4) phone = ""; // line 6: no number
  if (i === 12) phone = "0151 123"; // line 14: not a number
  if (i === 20) phone = "0151 1234 5610"; // line 22: the number of line 2 again
  const email = i % 3 === 0 ? `parent${i}@example.de` : "";
  return `${FIRST[i % 10]};${last};${phone};${email};${child};${3 + (i % 4)}${"abcd"[i % 4]};"Haltestelle ""Markt"""`;
});
const HEADER = "Vorname;Nachname;Handy;E-Mail;Erziehungsberechtigt von;Klasse;Bushaltestelle";
const SCHOOL_FILE = `\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`;

describe("roster export and a realistic import", () => {
  let t: Given;
  let eventA: Given["event"];

  beforeAll(async () => {
    t = await given.org({ country: "DE" }).event({ kind: "periodic", title: "Bus Monday" }).occurrences([-24, 24]);
    eventA = t.event;
  });

  it("imports 27 of 30 rows and says exactly why the other 3 were skipped", async () => {
    const mapping = guessMapping(parseCsv(SCHOOL_FILE).headers);
    expect(mapping).toEqual(["name", "name", "phone", "email", "guardianOf", "metadata", "metadata"]);
    const result = await importParticipants(t.owner.ctx, { eventId: eventA.id, csvText: SCHOOL_FILE, mapping });
    expect(result).toEqual({
      created: 27,
      updated: 0,
      linked: 27,
      alreadyOnRoster: 0,
      attendancesCreated: 27,
      skipped: [
        { line: 6, reason: "Phone number is missing." },
        { line: 14, reason: `Phone "0151 123": ${NOT_GERMAN}` },
        { line: 22, reason: "Same phone number as line 2." },
      ],
    });
    const roster = await listRoster(t.owner.ctx, eventA.id);
    expect(roster).toHaveLength(27);
    const becker = roster.find((entry) => entry.phone === "+4915112345617");
    expect(becker).toMatchObject({
      name: "Paul Becker; geb. Groß",
      guardianOf: "Lena Becker",
      metadata: { Klasse: "6d", Bushaltestelle: 'Haltestelle "Markt"' },
    });
    expect(roster.every((entry) => /^\+4915112345\d{3}$/.test(entry.phone))).toBe(true);
  });

  it("exports a CSV Excel opens, which imports back into another event unchanged", async () => {
    const [first] = await listRoster(t.owner.ctx, eventA.id);
    await getDb()
      .update(schema.participants)
      .set({ name: "=HYPERLINK(\"x\")", optedOutAt: new Date() })
      .where(eq(schema.participants.id, first!.participantId));
    const { ctx: viewer } = await t.add("viewer");
    const csv = await exportRosterCsv(viewer, eventA.id);
    // The language column (issue 17) comes after the fixed columns it joined, before the extra fields.
    expect(csv.startsWith("\uFEFFname,phone,email,guardian_of,opted_out,language,Bushaltestelle,Klasse\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",${first!.phone},`);
    expect(csv).toContain(",yes,");
    expect(csv.split("\r\n")).toHaveLength(1 + 27 + 1);

    const { event: eventB } = await given.in(t).event({ kind: "periodic", title: "Bus Friday" });
    const mapping = guessMapping(parseCsv(csv).headers);
    expect(mapping).toEqual(["name", "phone", "email", "guardianOf", "ignore", "language", "metadata", "metadata"]);
    const result = await importParticipants(t.owner.ctx, { eventId: eventB.id, csvText: csv, mapping });
    expect(result).toEqual({
      created: 0,
      updated: 0,
      linked: 27,
      alreadyOnRoster: 0,
      attendancesCreated: 0,
      skipped: [],
    });
    const strip = (entries: Awaited<ReturnType<typeof listRoster>>) => entries.map(({ addedAt: _, ...rest }) => rest);
    expect(strip(await listRoster(t.owner.ctx, eventB.id))).toEqual(strip(await listRoster(t.owner.ctx, eventA.id)));

    // Into a new organization the same file creates the same people (opt-outs stay with the organization they told).
    const fresh = await given.org({ country: "DE" }).event({ kind: "periodic" });
    const freshEvent = fresh.event;
    const intoFresh = await importParticipants(fresh.owner.ctx, { eventId: freshEvent.id, csvText: csv, mapping });
    expect(intoFresh.created).toBe(27);
    const people = ({ name, phone, email, guardianOf, metadata }: Awaited<ReturnType<typeof listRoster>>[number]) =>
      ({ name, phone, email, guardianOf, metadata });
    expect((await listRoster(fresh.owner.ctx, freshEvent.id)).map(people)).toEqual(
      (await listRoster(t.owner.ctx, eventA.id)).map(people),
    );
    const reexported = await exportRosterCsv(fresh.owner.ctx, freshEvent.id);
    expect(reexported.replace(",yes,", ",,")).toBe(csv.replace(",yes,", ",,"));
  });

  it("another organization cannot export the roster", async () => {
    const other = await given.org({ country: "DE" });
    expect((await refusal(exportRosterCsv(other.owner.ctx, eventA.id))).code).toBe("NOT_FOUND");
    expect((await refusal(exportRosterCsv(other.owner.ctx, "not-an-id"))).code).toBe("VALIDATION");
  });
});
