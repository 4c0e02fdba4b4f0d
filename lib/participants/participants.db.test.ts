import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, type TestOrg } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { refusal } = await import("@/test/participants");
const { addToRoster, createParticipant, deleteParticipant, getParticipant, listParticipants, updateParticipant } =
  await import("./participants");

const { auditLogs, participants } = schema;

const auditActions = async (organizationId: string) =>
  (await getDb().select().from(auditLogs).where(eq(auditLogs.organizationId, organizationId))).map((row) => row.action);

describe("participants", () => {
  let t: TestOrg;

  beforeAll(async () => {
    t = await given.org({ country: "DE" });
  });

  it("creates a participant with the phone in E.164 read with the organization's country", async () => {
    const kim = await createParticipant(t.owner.ctx, {
      name: "  Kim Weber ",
      phone: "0151 1234 5678",
      email: "Kim@Example.com",
      guardianOf: "",
      metadata: { Class: "3b", Bus: "" },
    });
    expect(kim).toMatchObject({
      name: "Kim Weber",
      phone: "+4915112345678",
      email: "kim@example.com",
      guardianOf: null,
      metadata: { Class: "3b" },
      optedOutAt: null,
    });
    expect(await getParticipant(t.owner.ctx, kim.id)).toMatchObject({ id: kim.id, phone: "+4915112345678" });
    expect(await auditActions(t.org.id)).toContain("participant.created");
  });

  it("refuses a bad phone number with the reason, and a taken number with its owner's name", async () => {
    const bad = await refusal(createParticipant(t.owner.ctx, { name: "Ali", phone: "0151 1234" }));
    expect(bad.code).toBe("VALIDATION");
    expect(bad.fields?.phone?.[0]).toMatch(/^Not a valid phone number for Germany\./);

    await createParticipant(t.owner.ctx, { name: "Lena Vogel", phone: "+49 151 2222 3333" });
    const taken = await refusal(createParticipant(t.owner.ctx, { name: "Lenas Dad", phone: "0151 22223333" }));
    expect(taken.code).toBe("CONFLICT");
    expect(taken.message).toBe(
      "+4915122223333 already belongs to Lena Vogel. Each phone number can be used by one person only.",
    );
    expect(taken.fields?.phone).toEqual([taken.message]);
    const lenas = await getDb()
      .select()
      .from(participants)
      .where(and(eq(participants.organizationId, t.org.id), eq(participants.phone, "+4915122223333")));
    expect(lenas.map((p) => p.name)).toEqual(["Lena Vogel"]);
  });

  it("updates every field, refuses another person's number, and deletes", async () => {
    const jo = await createParticipant(t.owner.ctx, { name: "Jo", phone: "+1 415 555 0132", email: "jo@example.com" });
    const updated = await updateParticipant(t.owner.ctx, {
      participantId: jo.id,
      name: "Jo Miller",
      phone: "+1 (415) 555-0133",
      guardianOf: "Sam",
      metadata: { Team: "Blue" },
    });
    expect(updated).toMatchObject({
      name: "Jo Miller",
      phone: "+14155550133",
      email: null,
      guardianOf: "Sam",
      metadata: { Team: "Blue" },
    });

    const lenasNumber = { participantId: jo.id, name: "Jo", phone: "+4915122223333" };
    const conflict = await refusal(updateParticipant(t.owner.ctx, lenasNumber));
    expect(conflict.code).toBe("CONFLICT");
    expect(conflict.message).toContain("Lena Vogel");
    // Keeping one's own number is not a conflict.
    await updateParticipant(t.owner.ctx, { participantId: jo.id, name: "Jo M.", phone: "+14155550133" });

    await deleteParticipant(t.owner.ctx, { participantId: jo.id });
    expect((await refusal(getParticipant(t.owner.ctx, jo.id))).code).toBe("NOT_FOUND");
    expect((await refusal(deleteParticipant(t.owner.ctx, { participantId: jo.id }))).code).toBe("NOT_FOUND");
    expect(await auditActions(t.org.id)).toEqual(
      expect.arrayContaining(["participant.updated", "participant.deleted"]),
    );
  });

  it("a new phone number forgets the WhatsApp id learnt from the old one; keeping the number keeps it", async () => {
    const kim = await createParticipant(t.owner.ctx, { name: "Kim", phone: "+1 415 555 0150" });
    const whatsappId = async () => (await getParticipant(t.owner.ctx, kim.id)).whatsappId;
    await getDb().update(participants).set({ whatsappId: "14155550150" }).where(eq(participants.id, kim.id));
    await updateParticipant(t.owner.ctx, { participantId: kim.id, name: "Kim L.", phone: "+14155550150" });
    expect(await whatsappId()).toBe("14155550150");
    await updateParticipant(t.owner.ctx, { participantId: kim.id, name: "Kim L.", phone: "+14155550151" });
    expect(await whatsappId()).toBeNull();
  });

  it("lists by search and can leave out who is already on an event's roster", async () => {
    const { event } = await given.in(t).event({ kind: "periodic" });
    const max = await createParticipant(t.owner.ctx, { name: "Max Roster", phone: "+4915199990000" });
    await addToRoster(t.owner.ctx, { eventId: event.id, participantId: max.id });
    const names = async (options: Parameters<typeof listParticipants>[1]) =>
      (await listParticipants(t.owner.ctx, options)).map((p) => p.name);
    expect(await names({ search: "roster" })).toEqual(["Max Roster"]);
    expect(await names({ search: "+49151999" })).toEqual(["Max Roster"]);
    expect(await names({ notOnEventId: event.id })).not.toContain("Max Roster");
    expect(await names({ notOnEventId: event.id })).toContain("Kim Weber");
    expect((await refusal(listParticipants(t.owner.ctx, { notOnEventId: "nope" }))).code).toBe("VALIDATION");
  });

  it("another organization can neither read nor change them", async () => {
    const [kim] = await listParticipants(t.owner.ctx, { search: "Kim Weber" });
    const other = await createTestOrg("Other");
    const ctx = other.owner.ctx;
    expect(await listParticipants(ctx)).toEqual([]);
    expect((await refusal(getParticipant(ctx, kim!.id))).code).toBe("NOT_FOUND");
    const rename = { participantId: kim!.id, name: "X", phone: "+4915112345678" };
    expect((await refusal(updateParticipant(ctx, rename))).code).toBe("NOT_FOUND");
    expect((await refusal(deleteParticipant(ctx, { participantId: kim!.id }))).code).toBe("NOT_FOUND");
    // The same number is free in another organization: uniqueness is per organization.
    const elsewhere = await createParticipant(ctx, { name: "Kim elsewhere", phone: "+4915112345678" });
    expect(elsewhere.phone).toBe("+4915112345678");
    expect(await getParticipant(t.owner.ctx, kim!.id)).toMatchObject({ name: "Kim Weber" });
  });

  it("staff and viewers read but cannot write, and nothing changes", async () => {
    const [kim] = await listParticipants(t.owner.ctx, { search: "Kim Weber" });
    for (const role of ["staff", "viewer"] as const) {
      const { ctx } = await t.add(role);
      expect((await listParticipants(ctx, { search: "Kim Weber" })).map((p) => p.id)).toEqual([kim!.id]);
      expect((await refusal(createParticipant(ctx, { name: "New", phone: "+4915100000001" }))).code).toBe("FORBIDDEN");
      const rename = { participantId: kim!.id, name: "X", phone: "+4915112345678" };
      expect((await refusal(updateParticipant(ctx, rename))).code).toBe("FORBIDDEN");
      expect((await refusal(deleteParticipant(ctx, { participantId: kim!.id }))).code).toBe("FORBIDDEN");
    }
    expect(await getParticipant(t.owner.ctx, kim!.id)).toMatchObject({ name: "Kim Weber", phone: "+4915112345678" });
    expect(await listParticipants(t.owner.ctx, { search: "New" })).toEqual([]);
  });
});
