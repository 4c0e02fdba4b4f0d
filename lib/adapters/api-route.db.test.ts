import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, type TestOrg } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { api, keyFor } = await import("@/test/api");
const { eventInput } = await import("@/test/events");
const { purgeIdempotencyKeys } = await import("@/lib/api-keys");

const eventsTitled = async (orgId: string, title: string) =>
  (await getDb().select().from(schema.events).where(and(eq(schema.events.organizationId, orgId), eq(schema.events.title, title)))).length;

describe("withApiRoute", () => {
  let a: TestOrg;
  let key: string;
  beforeAll(async () => {
    a = await createTestOrg("API route");
    key = await keyFor(a.owner, "manager");
  });

  it("replays the first answer to a retry with the same Idempotency-Key and body: one effect", async () => {
    const idempotencyKey = randomUUID();
    const body = eventInput({ title: "Once only" });
    const first = await api(key).post("/events", body, { idempotencyKey });
    const again = await api(key).post("/events", body, { idempotencyKey });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await eventsTitled(a.org.id, "Once only")).toBe(1);
  });

  it("has one effect when the same key arrives concurrently; the others get 409", async () => {
    const idempotencyKey = randomUUID();
    const body = eventInput({ title: "Concurrent" });
    const answers = await Promise.all(Array.from({ length: 5 }, () => api(key).post("/events", body, { idempotencyKey })));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(await eventsTitled(a.org.id, "Concurrent")).toBe(1);
  });

  it("answers 409 to the same Idempotency-Key with another body, and does nothing", async () => {
    const idempotencyKey = randomUUID();
    await api(key).post("/events", eventInput({ title: "First body" }), { idempotencyKey });
    const other = await api(key).post("/events", eventInput({ title: "Second body" }), { idempotencyKey });
    expect(other).toMatchObject({ status: 409, body: { error: { code: "CONFLICT", reason: "idempotency_key_reused" } } });
    expect(await eventsTitled(a.org.id, "Second body")).toBe(0);
  });

  it("keeps Idempotency-Keys per API key: another key's same value is a new request", async () => {
    const idempotencyKey = randomUUID();
    const body = eventInput({ title: "Two keys" });
    await api(key).post("/events", body, { idempotencyKey });
    const other = await api(await keyFor(a.owner, "manager")).post("/events", body, { idempotencyKey });
    expect(other.headers.get("idempotent-replayed")).toBeNull();
    expect(await eventsTitled(a.org.id, "Two keys")).toBe(2);
  });

  it("purges Idempotency-Keys older than a day", async () => {
    const idempotencyKey = randomUUID();
    await api(key).post("/events", eventInput({ title: "Purged key" }), { idempotencyKey });
    const rows = () => getDb().select().from(schema.idempotencyKeys).where(eq(schema.idempotencyKeys.key, idempotencyKey));
    await purgeIdempotencyKeys(new Date());
    expect(await rows()).toHaveLength(1);
    await purgeIdempotencyKeys(new Date(Date.now() + 25 * 3600_000));
    expect(await rows()).toHaveLength(0);
  });

  it("caps the body while streaming (413), wants JSON (415) that parses (400)", async () => {
    const huge = JSON.stringify({ ...eventInput(), description: "x".repeat(1024 * 1024) });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    // No Content-Length: the cap holds while reading the stream.
    const tooLarge = await api(key).post("/events", undefined, { rawBody: stream });
    expect(tooLarge).toMatchObject({ status: 413, body: { error: { code: "PAYLOAD_TOO_LARGE" } } });
    expect((await api(key).post("/events", undefined, { rawBody: "title=x", contentType: "text/plain" })).status).toBe(415);
    expect((await api(key).post("/events", undefined, { rawBody: "{not json" })).status).toBe(400);
    expect((await api(key).post("/events", undefined, { rawBody: "{}", idempotencyKey: "has space" })).status).toBe(400);
  });

  it("acts with the lower of the key's role and its creator's current one, and not at all once they left", async () => {
    const admin = await a.add("admin");
    const adminKey = await keyFor(admin, "manager");
    expect((await api(adminKey).post("/events", eventInput({ title: "While admin" }))).status).toBe(201);
    await getDb().update(schema.memberships).set({ role: "viewer" }).where(eq(schema.memberships.id, admin.membershipId));
    expect((await api(adminKey).post("/events", eventInput({ title: "Demoted" }))).status).toBe(403);
    expect((await api(adminKey).get("/events")).status).toBe(200);
    await getDb().delete(schema.memberships).where(eq(schema.memberships.id, admin.membershipId));
    expect((await api(adminKey).get("/events")).status).toBe(401);
    expect(await eventsTitled(a.org.id, "Demoted")).toBe(0);
  });

  it("records when a key was last used, at most once a minute", async () => {
    const fresh = await keyFor(a.owner, "viewer");
    const lastUsed = async () =>
      (await getDb().select().from(schema.apiKeys).where(eq(schema.apiKeys.prefix, fresh.slice(0, 11))))[0]!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await api(fresh).get("/events");
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await api(fresh).get("/events");
    expect(await lastUsed()).toEqual(first);
  });
});
