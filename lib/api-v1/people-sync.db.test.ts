import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { api, keyFor } = await import("@/test/api");
const { given, randomPhone } = await import("@/test/given");

const { eventParticipants, messages, participants } = schema;

type Row = { index: number; status: string; id?: string; error?: { code: string; fields?: Record<string, string[]> } };
type Page = { data: { id: string }[]; nextCursor: string | null };

const peopleOf = async (organizationId: string) =>
  (await getDb().select({ n: count() }).from(participants).where(eq(participants.organizationId, organizationId)))[0]!.n;

describe("roster sync through /participants/bulk-upsert", () => {
  it("takes 1,000 rows in one request with a result per row; bad rows are reported, resending is unchanged", async () => {
    const t = await given.org({ country: "DE" }).event({ title: "Sync" });
    const client = api(await keyFor(t.owner, "manager"));
    const rows: unknown[] = Array.from({ length: 1000 }, (_, i) => ({
      name: `Student ${i}`,
      phone: `0151 ${String(30_000_000 + i)}`,
      metadata: { Class: `${(i % 9) + 1}b`, Note: "x".repeat(1000) },
    }));
    rows[10] = { name: "No phone" };
    rows[500] = { name: "Bad", phone: "0151 1" };
    const body = { eventId: t.event.id, rows };
    expect(JSON.stringify(body).length).toBeGreaterThan(1024 * 1024); // over the default cap, under this endpoint's 2 MiB

    const first = await client.post("/participants/bulk-upsert", body);
    expect(first.status).toBe(200);
    const results = first.body.results as Row[];
    expect(results).toHaveLength(1000);
    expect(first.body.counts).toEqual({ created: 998, updated: 0, unchanged: 0, error: 2 });
    expect(results[10]).toMatchObject({ index: 10, status: "error", error: { code: "VALIDATION", fields: { phone: expect.any(Array) } } });
    expect(results[500]).toMatchObject({ index: 500, status: "error", error: { code: "VALIDATION" } });
    expect(results[11]).toMatchObject({ index: 11, status: "created", id: expect.any(String) });
    expect(first.body.roster).toMatchObject({ eventId: t.event.id, added: 998 });
    expect(await peopleOf(t.org.id)).toBe(998);
    const roster = await getDb().select({ n: count() }).from(eventParticipants).where(eq(eventParticipants.eventId, t.event.id));
    expect(roster[0]!.n).toBe(998);

    const again = await client.post("/participants/bulk-upsert", body);
    expect(again.body.counts).toEqual({ created: 0, updated: 0, unchanged: 998, error: 2 });
    expect((again.body.results as Row[]).map((r) => r.id)).toEqual(results.map((r) => r.id));

    const renamed = await client.post("/participants/bulk-upsert", { rows: [{ name: "Student Eleven", phone: "+4915130000011" }] });
    expect(renamed.body.results).toEqual([{ index: 0, status: "updated", id: results[11]!.id }]);
    expect(await peopleOf(t.org.id)).toBe(998);
  });

  it("replays the first answer for the same Idempotency-Key and body, and refuses the key with another body", async () => {
    const t = await given.org({ country: "DE" });
    const client = api(await keyFor(t.owner, "manager"));
    const body = { rows: [{ name: "Ida", phone: randomPhone() }, { name: "Jon", phone: randomPhone() }] };
    const key = `sync-${Date.now()}`;
    const first = await client.post("/participants/bulk-upsert", body, { idempotencyKey: key });
    const replay = await client.post("/participants/bulk-upsert", body, { idempotencyKey: key });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body); // "created" both times: the same answer, one effect
    expect(await peopleOf(t.org.id)).toBe(2);
    const other = await client.post("/participants/bulk-upsert", { rows: [{ name: "Kai", phone: randomPhone() }] }, { idempotencyKey: key });
    expect(other).toMatchObject({ status: 409, body: { error: { code: "CONFLICT" } } });
    expect(await peopleOf(t.org.id)).toBe(2);
  });

  it("refuses more than 1,000 rows with 422 and a body over 2 MiB with 413, writing nothing", async () => {
    const t = await given.org({ country: "DE" });
    const client = api(await keyFor(t.owner, "manager"));
    const tooMany = await client.post("/participants/bulk-upsert", { rows: Array.from({ length: 1001 }, () => ({ name: "A", phone: randomPhone() })) });
    expect(tooMany).toMatchObject({ status: 422, body: { error: { code: "VALIDATION", fields: { rows: expect.any(Array) } } } });
    const huge = { rows: [{ name: "A", phone: randomPhone(), metadata: { Note: "x".repeat(2 * 1024 * 1024) } }] };
    expect((await client.post("/participants/bulk-upsert", huge)).status).toBe(413);
    expect(await peopleOf(t.org.id)).toBe(0);
  });
});

describe("pages through the API while rows are added", () => {
  async function readAll(client: ReturnType<typeof api>, path: string, between: () => Promise<unknown>) {
    const read: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = (await client.get(`${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)).body as Page;
      read.push(...page.data.map((row) => row.id));
      cursor = page.nextCursor;
      if (pages++ < 2) await between();
    } while (cursor);
    return read;
  }

  it("lists every participant once, those added meanwhile included", async () => {
    const t = await given.org({ country: "DE" });
    const client = api(await keyFor(t.owner, "viewer"));
    const manager = api(await keyFor(t.owner, "manager"));
    const add = (n: number) => manager.post("/participants/bulk-upsert", { rows: Array.from({ length: n }, (_, i) => ({ name: `P${i}`, phone: randomPhone() })) });
    await add(9);
    const read = await readAll(client, "/participants?limit=4", () => add(3));
    const all = await getDb().select({ id: participants.id }).from(participants).where(eq(participants.organizationId, t.org.id));
    expect(all).toHaveLength(15);
    expect(new Set(read).size).toBe(read.length);
    expect([...read].sort()).toEqual(all.map((p) => p.id).sort());
  });

  it("lists every message once, those written meanwhile included, with the filters applied", async () => {
    const t = await given.org().occurrence({ open: true }).people(1);
    const client = api(await keyFor(t.owner, "viewer"));
    const write = (n: number, kind: "reminder" | "confirmation" = "reminder") =>
      getDb()
        .insert(messages)
        .values(Array.from({ length: n }, () => ({ organizationId: t.org.id, instanceId: t.instance.id, direction: "outbound" as const, kind, type: "template", status: "sent" as const })));
    await write(7);
    await write(2, "confirmation");
    const read = await readAll(client, `/messages?limit=3&kind=reminder&occurrenceId=${t.instance.id}`, () => write(2));
    expect(read).toHaveLength(11);
    expect(new Set(read).size).toBe(11);
  });
});

describe("PATCH /participants/{id}", () => {
  it("changes only the fields sent; a phone another person has is 409 and changes nothing", async () => {
    const t = await given.org({ country: "DE" });
    const client = api(await keyFor(t.owner, "manager"));
    const kim = await client.post("/participants", { name: "Kim", phone: randomPhone(), email: "kim@example.com", metadata: { Class: "3b" } });
    const other = await client.post("/participants", { name: "Lia", phone: randomPhone() });
    const patched = await client.patch(`/participants/${kim.body.id as string}`, { name: "Kim Weber" });
    expect(patched.body).toMatchObject({ name: "Kim Weber", email: "kim@example.com", metadata: { Class: "3b" }, phone: kim.body.phone });
    const taken = await client.patch(`/participants/${kim.body.id as string}`, { name: "Kim W.", phone: other.body.phone });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: "CONFLICT", fields: { phone: expect.any(Array) } } } });
    expect((await client.get(`/participants/${kim.body.id as string}`)).body).toMatchObject({ name: "Kim Weber", phone: kim.body.phone });
  });
});
