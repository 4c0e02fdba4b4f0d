import { describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, rejection } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { listMessages, countMessagesByStatus } = await import("./list-messages");
const { given } = await import("@/test/given");

async function message(organizationId: string, values: Partial<typeof schema.messages.$inferInsert>) {
  const [row] = await getDb()
    .insert(schema.messages)
    .values({ organizationId, direction: "outbound", kind: "reminder", type: "template", status: "sent", ...values })
    .returning();
  return row!;
}

describe("messages list", () => {
  it("lists an organization's messages with participant and occurrence, filtered by status and occurrence", async () => {
    const a = await given.org().event({ title: "Messages A meeting" }).occurrence({ open: true }).people(2);
    const [first, second] = a.people.map((p) => p.attendance);
    const failed = await message(a.org.id, {
      participantId: first!.participantId,
      instanceId: a.instance.id,
      attendanceId: first!.id,
      status: "failed",
      errorCode: "outside_24h_window",
      errorMessage: "The person has not written in the last 24 hours, so only an approved template can be sent.",
      statusHistory: [{ status: "failed", at: new Date().toISOString() }],
    });
    const read = await message(a.org.id, { participantId: second!.participantId, instanceId: a.instance.id, status: "read" });
    const elsewhere = await message(a.org.id, { kind: "reply", direction: "inbound", status: "received" });

    const all = await listMessages(a.owner.ctx);
    expect(all.map((m) => m.id).sort()).toEqual([failed.id, read.id, elsewhere.id].sort());
    const onlyFailed = await listMessages(a.owner.ctx, { status: "failed" });
    expect(onlyFailed).toHaveLength(1);
    expect(onlyFailed[0]).toMatchObject({ participantName: "Person 1", eventTitle: "Messages A meeting", errorCode: "outside_24h_window" });
    expect((await listMessages(a.owner.ctx, { instanceId: a.instance.id })).map((m) => m.id).sort()).toEqual([failed.id, read.id].sort());
    expect(await countMessagesByStatus(a.owner.ctx, a.instance.id)).toEqual({ failed: 1, read: 1 });
  });

  it("never shows another organization's messages, and refuses bad filters", async () => {
    const a = await given.org().occurrence({ open: true }).people(1);
    await message(a.org.id, { instanceId: a.instance.id, status: "failed" });
    const b = await createTestOrg("Messages intruder");
    expect(await listMessages(b.owner.ctx)).toEqual([]);
    expect(await listMessages(b.owner.ctx, { instanceId: a.instance.id })).toEqual([]);
    expect(await countMessagesByStatus(b.owner.ctx, a.instance.id)).toEqual({});
    expect(await rejection(listMessages(b.owner.ctx, { status: "lost" as never }))).toMatchObject({ code: "VALIDATION" });
    expect(await rejection(countMessagesByStatus(b.owner.ctx, "not-a-uuid"))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("messages in pages", () => {
  it("filters by participant, kind and dates, and pages oldest first: a message written between pages comes at the end, none is missed or repeated", async () => {
    const a = await given.org().occurrence({ open: true }).people(2);
    const [ada, ben] = a.people.map((p) => p.participant);
    const { pageMessages } = await import("./list-messages");
    // Ten messages written by one statement share their created_at to the microsecond: only the id orders them.
    await getDb()
      .insert(schema.messages)
      .values(Array.from({ length: 10 }, () => ({ organizationId: a.org.id, participantId: ada!.id, direction: "outbound" as const, kind: "reminder" as const, type: "template", status: "sent" as const })));
    await message(a.org.id, { participantId: ben!.id, kind: "confirmation" });
    const seen: string[] = [];
    let after;
    let pages = 0;
    do {
      const page = await pageMessages(a.owner.ctx, { limit: 4, cursor: after });
      seen.push(...page.data.map((m) => m.id));
      after = page.nextCursor ?? undefined;
      if (++pages === 1) await message(a.org.id, { participantId: ben!.id, kind: "reply", direction: "inbound", status: "received" });
    } while (after);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    const [last] = (await pageMessages(a.owner.ctx, { kind: "reply" })).data;
    expect(seen.at(-1)).toBe(last!.id);

    expect((await pageMessages(a.owner.ctx, { participantId: ben!.id })).data.map((m) => m.kind).sort()).toEqual(["confirmation", "reply"]);
    expect((await pageMessages(a.owner.ctx, { kind: "reminder" })).data).toHaveLength(10);
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect((await pageMessages(a.owner.ctx, { from: tomorrow })).data).toEqual([]);
    expect((await pageMessages(a.owner.ctx, { to: tomorrow })).data).toHaveLength(12);
    const b = await createTestOrg("Messages pager");
    expect(await pageMessages(b.owner.ctx, { participantId: ada!.id })).toEqual({ data: [], nextCursor: null });
    expect(await rejection(pageMessages(a.owner.ctx, { kind: "postcard" as never }))).toMatchObject({ code: "VALIDATION" });
  });
});
