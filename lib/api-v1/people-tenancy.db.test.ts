import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { api, keyFor } = await import("@/test/api");
const { given, randomPhone } = await import("@/test/given");
const { checkInManually } = await import("@/lib/attendance");

const { attendances, eventParticipants, participants } = schema;

// The probes the UI's domains have, repeated through the API: another organization's key reads and changes nothing
// (404, as for a missing id), and a viewer's key cannot write (403).

type Given = Awaited<ReturnType<typeof fixture>>;
const fixture = () => given.org({ country: "DE" }).occurrence({ open: true }).people([{ name: "Ada", rsvp: "confirmed" }, { name: "Ben", rsvp: "confirmed" }]);

async function stateOf(t: Given) {
  const db = getDb();
  return {
    people: await db.select().from(participants).where(eq(participants.organizationId, t.org.id)).orderBy(participants.id),
    roster: await db.select().from(eventParticipants).where(eq(eventParticipants.organizationId, t.org.id)).orderBy(eventParticipants.id),
    attendances: await db.select().from(attendances).where(eq(attendances.organizationId, t.org.id)).orderBy(attendances.id),
  };
}

describe("participants, rosters and attendances through another organization's key", () => {
  let a: Given;
  let theirs: ReturnType<typeof api>;
  beforeAll(async () => {
    a = await fixture();
    await checkInManually(a.owner.ctx, a.byName("Ben").attendance.id);
    const b = await given.org({ country: "DE" });
    theirs = api(await keyFor(b.owner, "manager"));
  });

  it("reads nothing: every id of organization A is 404 to B's key", async () => {
    const ada = a.byName("Ada");
    const paths = [
      `/participants/${ada.participant.id}`,
      `/events/${a.event.id}/roster`,
      `/events/${a.event.id}/report`,
      `/occurrences/${a.instance.id}/attendances`,
      `/occurrences/${a.instance.id}/positions`,
      `/attendances/${ada.attendance.id}/trail`,
    ];
    for (const path of paths) expect((await theirs.get(path)).status, path).toBe(404);
    expect((await theirs.get(`/participants?search=${encodeURIComponent(ada.participant.phone)}`)).body.data).toEqual([]);
    expect((await theirs.get(`/messages?occurrenceId=${a.instance.id}`)).body.data).toEqual([]);
  });

  it("changes nothing: writes on A's ids are 404 to B's key", async () => {
    const before = await stateOf(a);
    const ada = a.byName("Ada");
    const ben = a.byName("Ben");
    expect((await theirs.patch(`/participants/${ada.participant.id}`, { name: "Hijacked" })).status).toBe(404);
    expect((await theirs.delete(`/participants/${ada.participant.id}`)).status).toBe(404);
    expect((await theirs.post(`/events/${a.event.id}/roster`, { participantId: ada.participant.id })).status).toBe(404);
    expect((await theirs.delete(`/events/${a.event.id}/roster/${ada.participant.id}`)).status).toBe(404);
    expect((await theirs.post(`/attendances/${ada.attendance.id}/check-in`, {})).status).toBe(404);
    expect((await theirs.delete(`/attendances/${ben.attendance.id}/check-in`)).status).toBe(404);
    const upsert = await theirs.post("/participants/bulk-upsert", { eventId: a.event.id, rows: [{ name: "Ada", phone: ada.participant.phone }] });
    expect(upsert.status).toBe(404);
    expect(await stateOf(a)).toEqual(before);
  });

  it("a person of B with A's phone number is B's own: A's person stays as it was", async () => {
    const ada = a.byName("Ada").participant;
    const answer = await theirs.post("/participants/bulk-upsert", { rows: [{ name: "Mallory", phone: ada.phone, email: "m@example.com" }] });
    expect(answer.body).toMatchObject({ counts: { created: 1 } });
    const [stored] = await getDb().select().from(participants).where(and(eq(participants.id, ada.id)));
    expect(stored).toMatchObject({ name: "Ada", email: null });
  });
});

describe("a viewer's key", () => {
  it("reads, and every write is 403 with nothing changed", async () => {
    const t = await fixture();
    await checkInManually(t.owner.ctx, t.byName("Ben").attendance.id);
    const viewer = api(await keyFor(t.owner, "viewer"));
    const ada = t.byName("Ada");
    expect((await viewer.get(`/occurrences/${t.instance.id}/attendances`)).status).toBe(200);
    expect((await viewer.get(`/participants/${ada.participant.id}`)).status).toBe(200);
    const before = await stateOf(t);
    const writes = [
      viewer.post("/participants", { name: "New", phone: randomPhone() }),
      viewer.patch(`/participants/${ada.participant.id}`, { name: "Renamed" }),
      viewer.delete(`/participants/${ada.participant.id}`),
      viewer.post("/participants/bulk-upsert", { rows: [{ name: "New", phone: randomPhone() }] }),
      viewer.post(`/events/${t.event.id}/roster`, { participantId: ada.participant.id }),
      viewer.delete(`/events/${t.event.id}/roster/${ada.participant.id}`),
      viewer.post(`/attendances/${ada.attendance.id}/check-in`, {}),
      viewer.delete(`/attendances/${t.byName("Ben").attendance.id}/check-in`),
    ];
    for (const answer of await Promise.all(writes)) expect(answer).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    expect(await stateOf(t)).toEqual(before);
  });

  it("a staff key checks in and undoes, but cannot change the roster", async () => {
    const t = await fixture();
    const staff = api(await keyFor(t.owner, "staff"));
    const id = t.byName("Ada").attendance.id;
    const checkedIn = await staff.post(`/attendances/${id}/check-in`, {});
    expect(checkedIn.body).toMatchObject({ id, journey: "arrived" });
    const list = await staff.get(`/occurrences/${t.instance.id}/attendances`);
    expect((list.body.data as { id: string; journey: string }[]).find((row) => row.id === id)?.journey).toBe("arrived");
    expect((await staff.delete(`/attendances/${id}/check-in`)).body).toEqual({ id, journey: "not_started" });
    expect((await staff.delete(`/events/${t.event.id}/roster/${t.byName("Ada").participant.id}`)).status).toBe(403);
  });
});
