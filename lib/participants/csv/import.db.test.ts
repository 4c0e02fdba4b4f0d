import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";
import type { Given } from "@/test/given";
import type { ImportInput } from "./schemas";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { NOT_GERMAN, attendancesOf, refusal } = await import("@/test/participants");
const { addToRoster, createParticipant, listRoster } = await import("../participants");
const { guessMapping } = await import("./guess-mapping");
const { parseCsv } = await import("./parse-csv");
const { previewImport } = await import("./preview-import");
const { importParticipants } = await import("./import-participants");

const { auditLogs, participants } = schema;

const FILE = [
  "Name;Phone;E-mail;Guardian of;Class",
  "Kim Weber;0151 1234 5678;kim@example.com;Lena;3b",
  ";0151 2222 3333;;;",
  "Ali Khan;0151 1234;;;",
  "Eve Stone;+44 7911 123456;eve@;;",
  "",
  "Jo Weber;+49 151 12345678;;;3b",
  "\"Müller, Jürgen\";+1 (415) 555-0132;;\"Anna\nund Ben\";4a",
  "Known Person;0151 9999 0000;;;",
].join("\r\n");
const mapping = guessMapping(parseCsv(FILE).headers);

describe("CSV import", () => {
  let t: Given;
  let event: Given["event"];
  let futureCount: number;

  beforeAll(async () => {
    t = await given.org({ country: "DE" }).event({ kind: "periodic" }).occurrences([-48, 24, 24 * 8]);
    event = t.event;
    futureCount = t.instances.length - 1;
  });

  it("previews every row as ok, error (with its problems) or duplicate, without changing anything", async () => {
    const known = await createParticipant(t.owner.ctx, { name: "Known Person", phone: "+4915199990000" });
    const onRoster = await createParticipant(t.owner.ctx, { name: "Already There", phone: "+4915112345678" });
    await addToRoster(t.owner.ctx, { eventId: event.id, participantId: onRoster.id });

    const preview = await previewImport(t.owner.ctx, { eventId: event.id, csvText: FILE, mapping });
    expect(preview.headers).toEqual(["Name", "Phone", "E-mail", "Guardian of", "Class"]);
    expect(preview.rows.map((row) => [row.line, row.status, row.errors])).toEqual([
      [2, "duplicate", ["Already on this event's roster as Already There."]],
      [3, "error", ["Name is missing."]],
      [4, "error", [`Phone "0151 1234": ${NOT_GERMAN}`]],
      [5, "error", ['E-mail "eve@" is not a valid address.']],
      [7, "duplicate", ["Same phone number as line 2."]],
      [8, "ok", []],
      [9, "ok", []],
    ]);
    expect(preview.rows[5]!.data).toEqual({
      name: "Müller, Jürgen",
      phone: "+14155550132",
      email: null,
      guardianOf: "Anna\nund Ben",
      metadata: { Class: "4a" },
    });
    expect(preview.rows[6]!.existingParticipant).toEqual({ id: known.id, name: "Known Person" });
    expect(preview.counts).toEqual({ total: 7, ok: 2, error: 3, duplicate: 2, new: 1, existing: 1, noWhatsApp: 0 });
    expect(await listRoster(t.owner.ctx, event.id)).toHaveLength(1);
  });

  it("imports valid rows, links known people, reports skipped ones by line; re-importing adds nothing", async () => {
    const progress: [number, number][] = [];
    const result = await importParticipants(
      t.owner.ctx,
      { eventId: event.id, csvText: FILE, mapping },
      { onProgress: (done, total) => void progress.push([done, total]) },
    );
    expect(result).toEqual({
      created: 1,
      updated: 1, // Already There had no e-mail, guardian or class: the file filled them in.
      linked: 2,
      alreadyOnRoster: 1,
      attendancesCreated: 2 * futureCount,
      skipped: [
        { line: 3, reason: "Name is missing." },
        { line: 4, reason: `Phone "0151 1234": ${NOT_GERMAN}` },
        { line: 5, reason: 'E-mail "eve@" is not a valid address.' },
        { line: 7, reason: "Same phone number as line 2." },
      ],
    });
    expect(progress).toEqual([[3, 3]]);

    const roster = await listRoster(t.owner.ctx, event.id);
    expect(roster.map((r) => [r.name, r.phone, r.email, r.guardianOf, r.metadata])).toEqual([
      // The known person keeps their name; only empty fields were filled in.
      ["Already There", "+4915112345678", "kim@example.com", "Lena", { Class: "3b" }],
      ["Known Person", "+4915199990000", null, null, {}],
      ["Müller, Jürgen", "+14155550132", null, "Anna\nund Ben", { Class: "4a" }],
    ]);
    for (const entry of roster) expect(await attendancesOf(t.org.id, entry.participantId)).toHaveLength(futureCount);

    const again = await importParticipants(t.owner.ctx, { eventId: event.id, csvText: FILE, mapping });
    expect(again).toEqual({ ...result, created: 0, updated: 0, linked: 0, alreadyOnRoster: 3, attendancesCreated: 0 });
    expect(await getDb().$count(participants, eq(participants.organizationId, t.org.id))).toBe(3);
    expect(await listRoster(t.owner.ctx, event.id)).toEqual(roster);

    const audit = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.organizationId, t.org.id), eq(auditLogs.action, "participants.imported")));
    expect(audit[0]!.data).toMatchObject({ created: 1, linked: 2, skipped: 4, rows: 7 });
  });

  it("refuses files that are too large, and mappings that do not fit", async () => {
    const huge = `name,phone\n${"x".repeat(5 * 1024 * 1024)}`;
    const base: ImportInput = { eventId: event.id, csvText: FILE, mapping: ["name", "phone"] };
    const tooLarge = await refusal(importParticipants(t.owner.ctx, { ...base, csvText: huge }));
    expect(tooLarge.code).toBe("VALIDATION");
    expect(tooLarge.fields?.csvText).toEqual([
      "The file is larger than 5 MB. Split it into smaller files and import them one after another.",
    ]);
    const manyRows = `name,phone\n${"a,1\n".repeat(20_001)}`;
    const tooMany = await refusal(previewImport(t.owner.ctx, { ...base, csvText: manyRows }));
    expect(tooMany.message).toMatch(/^The file has 20,001 rows; at most 20,000/);
    const noPhone = await refusal(previewImport(t.owner.ctx, { ...base, mapping: ["name", "ignore"] }));
    expect(noPhone.fields?.mapping).toEqual(["Choose exactly one column with phone numbers."]);
    const misfit = await refusal(importParticipants(t.owner.ctx, base));
    expect(misfit.message).toBe("The file has 5 columns but 2 were mapped. Upload the file again.");
  });

  it("says which numbers WhatsApp cannot reach, in the preview and on the roster, from the number's type", async () => {
    const brazil = await given.org({ country: "BR" }).event({ kind: "periodic" });
    const eventId = brazil.event.id;
    const file = ["Nome;Telefone", "Central;(11) 4002-8922", "Ana;(11) 98765-4321", "Büro Berlin;+49 30 1234567", "Kim;+49 151 23456789"].join("\n");
    const input: ImportInput = { eventId, csvText: file, mapping: ["name", "phone"] };
    const landline = "Landline: cannot receive WhatsApp messages";
    const preview = await previewImport(brazil.owner.ctx, input);
    expect(preview.rows.map((r) => [r.data.phone, r.status, r.noWhatsAppReason])).toEqual([
      ["+551140028922", "ok", landline],
      ["+5511987654321", "ok", null],
      ["+49301234567", "ok", landline],
      ["+4915123456789", "ok", null],
    ]);
    expect(preview.counts).toMatchObject({ ok: 4, noWhatsApp: 2 });
    await importParticipants(brazil.owner.ctx, input);
    const roster = await listRoster(brazil.owner.ctx, eventId);
    expect(roster.map((r) => [r.name, r.noWhatsAppReason])).toEqual([
      ["Ana", null],
      ["Büro Berlin", landline],
      ["Central", landline],
      ["Kim", null],
    ]);
  });

  it("another organization cannot preview or import into this event, nor link this one's people", async () => {
    const other = await given.org().event({ kind: "periodic" });
    const input = { eventId: event.id, csvText: FILE, mapping };
    expect((await refusal(previewImport(other.owner.ctx, input))).code).toBe("NOT_FOUND");
    expect((await refusal(importParticipants(other.owner.ctx, input))).code).toBe("NOT_FOUND");

    const ownEvent = other.event;
    const file = "name,phone\nSomeone Else,+4915199990000\n";
    const own: ImportInput = { eventId: ownEvent.id, csvText: file, mapping: ["name", "phone"] };
    const [row] = (await previewImport(other.owner.ctx, own)).rows;
    expect(row).toMatchObject({ status: "ok", existingParticipant: null });
    const result = await importParticipants(other.owner.ctx, own);
    expect(result).toMatchObject({ created: 1, linked: 1 });
    const [mine] = await listRoster(t.owner.ctx, event.id).then((r) => r.filter((p) => p.phone === "+4915199990000"));
    expect(mine!.name).toBe("Known Person");
    expect((await listRoster(other.owner.ctx, ownEvent.id)).map((r) => r.name)).toEqual(["Someone Else"]);
  });

  it("staff and viewers cannot preview or import, and nothing changes", async () => {
    const before = await listRoster(t.owner.ctx, event.id);
    const file = "name,phone\nNew Person,0151 4444 5555\n";
    for (const role of ["staff", "viewer"] as const) {
      const { ctx } = await t.add(role);
      const input: ImportInput = { eventId: event.id, csvText: file, mapping: ["name", "phone"] };
      expect((await refusal(previewImport(ctx, input))).code).toBe("FORBIDDEN");
      expect((await refusal(importParticipants(ctx, input))).code).toBe("FORBIDDEN");
    }
    expect(await listRoster(t.owner.ctx, event.id)).toEqual(before);
    expect(await getDb().$count(participants, eq(participants.phone, "+4915144445555"))).toBe(0);
  });
});
