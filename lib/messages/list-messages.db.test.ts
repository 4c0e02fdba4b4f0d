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
