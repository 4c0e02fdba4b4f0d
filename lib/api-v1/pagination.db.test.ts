import { describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg } from "@/test/database";

connectTestDatabase();
const { api, keyFor } = await import("@/test/api");
const { eventInput, DAY } = await import("@/test/events");
const { createEvent } = await import("@/lib/occurrences");

type Page = { data: { id: string }[]; nextCursor: string | null };

describe("cursor pagination", () => {
  it("misses and repeats no event while events are created between pages", async () => {
    const { owner } = await createTestOrg("Pages");
    const client = api(await keyFor(owner, "viewer"));
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await createEvent(owner.ctx, eventInput({ title: `Before ${i}` }))).id);
    const read: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await client.get(`/events?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(answer.status).toBe(200);
      const page = answer.body as Page;
      expect(page.data.length).toBeLessThanOrEqual(2);
      read.push(...page.data.map((e) => e.id));
      cursor = page.nextCursor;
      // Someone else keeps creating events while the client pages through.
      if (pages++ < 3) made.push((await createEvent(owner.ctx, eventInput({ title: `During ${pages}` }))).id);
    } while (cursor);
    expect(new Set(read).size).toBe(read.length);
    expect([...read].sort()).toEqual([...made].sort());
  });

  it("pages occurrences of a date range in start order, and refuses a cursor it never gave", async () => {
    const { owner } = await createTestOrg("Occurrence pages");
    const client = api(await keyFor(owner, "viewer"));
    const event = await createEvent(owner.ctx, eventInput({ rule: { frequency: "daily", interval: 1, end: { type: "never" } } }));
    const from = new Date(Date.now()).toISOString();
    const to = new Date(Date.now() + 20 * DAY).toISOString();
    const all: string[] = [];
    const starts: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `from=${from}&to=${to}&eventId=${event.id}&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await client.get(`/occurrences?${query}`)).body as { data: { id: string; startsAt: string }[]; nextCursor: string | null };
      all.push(...page.data.map((o) => o.id));
      starts.push(...page.data.map((o) => o.startsAt));
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(new Set(all).size).toBe(all.length);
    expect([...starts].sort()).toEqual(starts);
    const bad = await client.get(`/occurrences?from=${from}&to=${to}&cursor=forged`);
    expect(bad).toMatchObject({ status: 422, body: { error: { code: "VALIDATION", fields: { cursor: expect.any(Array) } } } });
    expect((await client.get(`/occurrences?from=${to}&to=${from}`)).status).toBe(422);
    expect((await client.get(`/events?limit=500`)).status).toBe(422);
  });
});
