import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given, randomPhone } = await import("@/test/given");
const { refusal } = await import("@/test/participants");
const { upsertParticipants } = await import("./upsert-participants");
const { getParticipant } = await import("./participants");

const { attendances, auditLogs, eventParticipants, participants } = schema;

const peopleOf = async (organizationId: string) =>
  (await getDb().select({ n: count() }).from(participants).where(eq(participants.organizationId, organizationId)))[0]!.n;

/** n German mobile numbers written as people write them locally, all different. */
const localNumbers = (n: number) => Array.from({ length: n }, (_, i) => `0151 ${String(20_000_000 + i).padStart(8, "0")}`);

describe("bulk upsert of participants by phone", () => {
  it("takes 1,000 rows in one call, reports each, and re-sending them changes nothing", async () => {
    const t = await given.org({ country: "DE" }).event({ title: "School run" });
    const rows = localNumbers(1000).map((phone, i) => ({ name: `Pupil ${i}`, phone, metadata: { Class: `${i % 4}a` } }));
    const started = Date.now();
    const first = await upsertParticipants(t.owner.ctx, { rows, eventId: t.event.id });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(first.counts).toEqual({ created: 1000, updated: 0, unchanged: 0, error: 0 });
    expect(first.results.map((r) => r.index)).toEqual(rows.map((_, i) => i));
    expect(first.roster).toMatchObject({ eventId: t.event.id, added: 1000 });
    const pupil7 = first.results[7]!;
    expect(pupil7.status).toBe("created");
    if (pupil7.status !== "created") throw new Error("unreachable");
    expect(await getParticipant(t.owner.ctx, pupil7.id)).toMatchObject({ name: "Pupil 7", phone: "+4915120000007", metadata: { Class: "3a" } });
    const onRoster = await getDb().select({ n: count() }).from(eventParticipants).where(eq(eventParticipants.eventId, t.event.id));
    expect(onRoster[0]!.n).toBe(1000);

    const again = await upsertParticipants(t.owner.ctx, { rows, eventId: t.event.id });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 1000, error: 0 });
    expect(again.roster).toMatchObject({ added: 0, attendancesCreated: 0 });
    expect(again.results.map((r) => ("id" in r ? r.id : null))).toEqual(first.results.map((r) => ("id" in r ? r.id : null)));
    expect(await peopleOf(t.org.id)).toBe(1000);
    const audits = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.organizationId, t.org.id), eq(auditLogs.action, "participants.upserted")));
    expect(audits.map((a) => a.data)).toContainEqual(expect.objectContaining({ created: 1000, addedToRoster: 1000 }));
  });

  it("reports bad rows by index with the reason, and still writes the good ones", async () => {
    const t = await given.org({ country: "DE" });
    const good = randomPhone();
    const result = await upsertParticipants(t.owner.ctx, {
      rows: [
        { name: "Ada", phone: good, email: "ADA@example.com" },
        { name: "", phone: randomPhone() },
        { name: "Ben", phone: "0151 1234" },
        "not a row",
        { name: "Ada's twin", phone: good },
        { name: "Cy", phone: randomPhone(), language: "klingon" },
      ],
    });
    expect(result.counts).toEqual({ created: 1, updated: 0, unchanged: 0, error: 5 });
    expect(result.results[0]).toMatchObject({ index: 0, status: "created" });
    expect(result.results[1]).toMatchObject({ index: 1, status: "error", error: { code: "VALIDATION", fields: { name: ["Enter a name."] } } });
    expect(result.results[2]).toMatchObject({ status: "error", error: { code: "VALIDATION" } });
    expect(result.results[2]!.status === "error" && result.results[2]!.error.fields?.phone?.[0]).toMatch(/^Not a valid phone number for Germany/);
    expect(result.results[3]).toMatchObject({ status: "error", error: { code: "VALIDATION" } });
    expect(result.results[4]).toMatchObject({ status: "error", error: { code: "CONFLICT", message: expect.stringMatching(/^Row 0 has the same phone number/) } });
    expect(result.results[5]).toMatchObject({ status: "error", error: { fields: { language: ["Choose one of the languages offered."] } } });
    expect(await peopleOf(t.org.id)).toBe(1);
    const [ada] = await getDb().select().from(participants).where(eq(participants.organizationId, t.org.id));
    expect(ada).toMatchObject({ name: "Ada", email: "ada@example.com" });
  });

  it("updates a known person: the name and the fields a row gives replace what is stored, the others stay", async () => {
    const t = await given.org({ country: "DE" });
    const phone = randomPhone();
    const [created] = (
      await upsertParticipants(t.owner.ctx, {
        rows: [{ name: "Kim", phone, email: "kim@example.com", guardianOf: "Lia", language: "de", metadata: { Bus: "7" } }],
      })
    ).results;
    const local = `0${phone.slice(3)}`; // the same number written as a German would
    const changed = await upsertParticipants(t.owner.ctx, { rows: [{ name: "Kim Weber", phone: local, guardianOf: null }] });
    expect(changed.results[0]).toMatchObject({ status: "updated", id: (created as { id: string }).id });
    expect(await getParticipant(t.owner.ctx, (created as { id: string }).id)).toMatchObject({
      name: "Kim Weber",
      email: "kim@example.com",
      guardianOf: null,
      language: "de",
      metadata: { Bus: "7" },
    });
    const same = await upsertParticipants(t.owner.ctx, { rows: [{ name: "Kim Weber", phone, metadata: { Bus: "7" } }] });
    expect(same.results[0]).toMatchObject({ status: "unchanged" });
  });

  it("puts known and new people on an event's roster, with attendances for its future occurrences", async () => {
    const t = await given.org({ country: "DE" }).occurrence().people([{ name: "Known" }]);
    const other = await given.in(t).event({ title: "Second" }).occurrence();
    const known = t.byName("Known").participant;
    const result = await upsertParticipants(t.owner.ctx, {
      rows: [{ name: "Known", phone: known.phone }, { name: "New", phone: randomPhone() }],
      eventId: other.event.id,
    });
    expect(result.counts).toMatchObject({ unchanged: 1, created: 1 });
    expect(result.roster).toEqual({ eventId: other.event.id, added: 2, attendancesCreated: 2 });
    const onSecond = await getDb().select().from(attendances).where(eq(attendances.instanceId, other.instance.id));
    expect(onSecond).toHaveLength(2);
  });

  it("refuses whole requests that cannot be right: too many rows, none, another organization's event, a viewer", async () => {
    const t = await given.org({ country: "DE" });
    const b = await given.org().event();
    const row = { name: "Zed", phone: randomPhone() };
    expect((await refusal(upsertParticipants(t.owner.ctx, { rows: Array(1001).fill(row) }))).code).toBe("VALIDATION");
    expect((await refusal(upsertParticipants(t.owner.ctx, { rows: [] }))).code).toBe("VALIDATION");
    expect((await refusal(upsertParticipants(t.owner.ctx, { rows: [row], eventId: b.event.id }))).code).toBe("NOT_FOUND");
    const viewer = await t.add("viewer");
    expect((await refusal(upsertParticipants(viewer.ctx, { rows: [row] }))).code).toBe("FORBIDDEN");
    expect(await peopleOf(t.org.id)).toBe(0);
    expect(await peopleOf(b.org.id)).toBe(0);
  });

  it("never touches another organization's person with the same phone number", async () => {
    const a = await given.org({ country: "DE" }).occurrence().people([{ name: "Alice" }]);
    const b = await given.org({ country: "DE" });
    const phone = a.byName("Alice").participant.phone;
    const result = await upsertParticipants(b.owner.ctx, { rows: [{ name: "Mallory", phone, email: "m@example.com" }] });
    expect(result.results[0]).toMatchObject({ status: "created" });
    expect(await getParticipant(a.owner.ctx, a.byName("Alice").participant.id)).toMatchObject({ name: "Alice", email: null });
  });
});
