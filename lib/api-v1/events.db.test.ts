import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, type TestOrg } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { api, keyFor } = await import("@/test/api");
const { eventInput } = await import("@/test/events");
const { revokeApiKey, listApiKeys } = await import("@/lib/api-keys");

describe("/api/v1/events through an API key", () => {
  let a: TestOrg;
  let manager: ReturnType<typeof api>;
  beforeAll(async () => {
    a = await createTestOrg("API events");
    manager = api(await keyFor(a.owner, "manager"));
  });

  it("creates, reads, lists, updates and deletes an event as the UI's domain functions do", async () => {
    const created = await manager.post("/events", eventInput({ title: "Bus from the API" }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: "Bus from the API", kind: "periodic", status: "active" });
    const id = created.body.id as string;
    expect(created.body.nextStartsAt).not.toBeNull();
    const [audit] = await getDb().select().from(schema.auditLogs).where(eq(schema.auditLogs.targetId, id));
    expect(audit).toMatchObject({ action: "event.created", actorType: "api_key", actorUserId: a.owner.user.id });
    expect(audit!.actorApiKeyId).toBe((await listApiKeys(a.owner.ctx))[0]!.id);

    expect((await manager.get(`/events/${id}`)).body).toMatchObject({ id, title: "Bus from the API" });
    const list = await manager.get("/events");
    expect(list.status).toBe(200);
    expect((list.body.data as { id: string }[]).map((e) => e.id)).toContain(id);

    const patched = await manager.patch(`/events/${id}`, { title: "Bus, new stop", arrivalRadiusM: 300 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: "Bus, new stop", arrivalRadiusM: 300, venueName: "Primary school" });

    const deleted = await manager.delete(`/events/${id}`);
    expect(deleted).toMatchObject({ status: 200, body: { id, deleted: true } });
    expect((await manager.get(`/events/${id}`)).status).toBe(404);
  });

  it("changes only the fields a PATCH sends: the others keep their values, defaults are not filled in", async () => {
    const made = await manager.post("/events", {
      ...eventInput({ title: "Keep me", description: "Bring a helmet", travelMode: "walking", lateGraceMinutes: 12, arrivalRadiusM: 400 }),
      schedule: { confirmationOffsetMinutes: null, reminderOffsetMinutes: 30, trackingOffsetMinutes: 45, closureOffsetMinutes: 10 },
    });
    const patched = await manager.patch(`/events/${made.body.id as string}`, { title: "Renamed only" });
    const { title, updatedAt: _a, ...rest } = patched.body;
    const { title: _t, updatedAt: _b, ...before } = made.body;
    expect(title).toBe("Renamed only");
    expect(rest).toEqual(before);
  });

  it("refuses a bad event with 422 and the fields, and changes nothing", async () => {
    const before = await getDb().select().from(schema.events).where(eq(schema.events.organizationId, a.org.id));
    const answer = await manager.post("/events", { ...eventInput(), title: "", venueLat: 123 });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ code: "VALIDATION", fields: { title: expect.any(Array), venueLat: expect.any(Array) } });
    const patch = await manager.patch(`/events/${(await manager.post("/events", eventInput())).body.id}`, { durationMinutes: 1 });
    expect(patch.status).toBe(422);
    const after = await getDb().select().from(schema.events).where(eq(schema.events.organizationId, a.org.id));
    expect(after.length).toBe(before.length + 1);
  });

  it("answers another organization's key 404 on this organization's event, and it changes nothing", async () => {
    const { id } = (await manager.post("/events", eventInput({ title: "Ours" }))).body as { id: string };
    const b = await createTestOrg("API events other");
    const theirs = api(await keyFor(b.owner, "manager"));
    expect((await theirs.get(`/events/${id}`)).status).toBe(404);
    expect((await theirs.patch(`/events/${id}`, { title: "Hijacked" })).status).toBe(404);
    expect((await theirs.delete(`/events/${id}`)).status).toBe(404);
    expect((await theirs.get("/events")).body.data).toEqual([]);
    expect((await manager.get(`/events/${id}`)).body).toMatchObject({ id, title: "Ours" });
  });

  it("lets a viewer key read but not write (403), and nothing is created", async () => {
    const viewer = api(await keyFor(a.owner, "viewer"));
    expect((await viewer.get("/events")).status).toBe(200);
    const count = (await manager.get("/events?limit=200")).body.data as unknown[];
    const refused = await viewer.post("/events", eventInput({ title: "Viewer's" }));
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    expect(((await manager.get("/events?limit=200")).body.data as unknown[]).length).toBe(count.length);
  });

  it("answers 401 without a key, with an unknown key and with a revoked one", async () => {
    expect((await api(null).get("/events")).status).toBe(401);
    expect((await api(`ec_${"x".repeat(43)}`).get("/events")).status).toBe(401);
    const key = await keyFor(a.owner, "viewer");
    const keys = await listApiKeys(a.owner.ctx);
    expect((await api(key).get("/events")).status).toBe(200);
    const mine = keys.find((k) => key.startsWith(k.prefix))!;
    await revokeApiKey(a.owner.ctx, { apiKeyId: mine.id });
    expect((await api(key).get("/events")).body).toMatchObject({ error: { code: "UNAUTHORIZED" } });
  });
});
