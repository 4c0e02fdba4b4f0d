import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { api, keyFor } = await import("@/test/api");
const { given } = await import("@/test/given");
const { DAY, localFromNow } = await import("@/test/events");

const row = async (id: string) => (await getDb().select().from(schema.eventInstances).where(eq(schema.eventInstances.id, id)))[0]!;

describe("/api/v1/occurrences through an API key", () => {
  it("moves and cancels an occurrence as the UI does, audited as the key's", async () => {
    const t = await given.org().event({ kind: "periodic" }).occurrences([24, 48]).occurrence({ startsInMinutes: 180 }).people(2);
    const manager = api(await keyFor(t.owner, "manager"));
    const [first, second] = t.instances;
    const read = await manager.get(`/occurrences/${t.instance.id}`);
    expect(read.body).toMatchObject({ id: t.instance.id, eventId: t.event.id, status: "scheduled", rsvp: { total: 2, confirmed: 2 } });

    const startsLocal = localFromNow(4 * DAY);
    const moved = await manager.post(`/occurrences/${first!.id}/move`, { startsLocal });
    expect(moved.body).toMatchObject({ startsLocal, isDetached: true, status: "scheduled" });
    expect((await row(first!.id)).isDetached).toBe(true);

    const cancelled = await manager.post(`/occurrences/${second!.id}/cancel`);
    expect(cancelled.body).toMatchObject({ id: second!.id, status: "cancelled" });
    const audits = await getDb().select().from(schema.auditLogs).where(eq(schema.auditLogs.organizationId, t.org.id));
    expect(audits.filter((a) => a.action.startsWith("occurrence.")).map((a) => [a.action, a.actorType]).sort()).toEqual([
      ["occurrence.cancelled", "api_key"],
      ["occurrence.moved", "api_key"],
    ]);
  });

  it("answers another organization's key 404 and a viewer key 403 on cancel and move, and nothing changes", async () => {
    const t = await given.org().event().occurrences([24]);
    const id = t.instances[0]!.id;
    const before = await row(id);
    const outsider = api(await keyFor((await createTestOrg("Occurrence outsider")).owner, "manager"));
    const viewer = api(await keyFor(t.owner, "viewer"));
    const body = { startsLocal: localFromNow(3 * DAY) };
    expect((await outsider.get(`/occurrences/${id}`)).status).toBe(404);
    expect((await outsider.post(`/occurrences/${id}/cancel`)).status).toBe(404);
    expect((await outsider.post(`/occurrences/${id}/move`, body)).status).toBe(404);
    expect((await viewer.post(`/occurrences/${id}/cancel`)).status).toBe(403);
    expect((await viewer.post(`/occurrences/${id}/move`, body)).status).toBe(403);
    const from = new Date(Date.now() - DAY).toISOString();
    const to = new Date(Date.now() + 7 * DAY).toISOString();
    expect((await outsider.get(`/occurrences?from=${from}&to=${to}`)).body.data).toEqual([]);
    expect(await row(id)).toEqual(before);
  });

  it("refuses a move into the past with 422 and the field", async () => {
    const t = await given.org().event().occurrences([24]);
    const manager = api(await keyFor(t.owner, "manager"));
    const answer = await manager.post(`/occurrences/${t.instances[0]!.id}/move`, { startsLocal: localFromNow(-DAY) });
    expect(answer).toMatchObject({ status: 422, body: { error: { code: "VALIDATION", fields: { startsLocal: expect.any(Array) } } } });
  });
});
