import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, rejection } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { setRsvpByStaff } = await import("./rsvp");
const { given } = await import("@/test/given");

const { attendances, auditLogs, eventInstances, scheduledActions } = schema;
const MINUTE = 60_000;

async function attendanceRow(organizationId: string, id: string) {
  const [row] = await getDb()
    .select()
    .from(attendances)
    .where(and(eq(attendances.id, id), eq(attendances.organizationId, organizationId)));
  return row!;
}

/** An occurrence 30 minutes ahead with two people who have not answered, whose reminder and tracking links went out. */
async function setup(name: string) {
  const t = await given.org({ name }).occurrence({ open: true }).people(2, { rsvp: "pending" }).links();
  const done = { organizationId: t.org.id, instanceId: t.instance.id, dueAt: new Date(Date.now() - MINUTE), status: "done" as const };
  const [reminder, links] = await getDb()
    .insert(scheduledActions)
    .values([
      { ...done, action: "reminder" },
      { ...done, action: "tracking_link" },
    ])
    .returning();
  const statusOf = async (id: string) => (await getDb().select().from(scheduledActions).where(eq(scheduledActions.id, id)))[0]!.status;
  return { ...t, attendances: t.people.map((p) => p.attendance), reminder: reminder!, links: links!, statusOf };
}

describe("an answer recorded by staff", () => {
  it("sets the answer (audited, as a tap made now) and, for a confirmation, sends the tracking link that was missed", async () => {
    const t = await setup("Answer by phone");
    const staff = await t.add("staff");
    const [ada] = t.attendances;

    expect(await setRsvpByStaff(staff.ctx, ada!.id, { rsvp: "confirmed" })).toEqual({ rsvp: "confirmed" });

    const row = await attendanceRow(t.org.id, ada!.id);
    expect(row.rsvp).toBe("confirmed");
    expect(Date.now() - row.rsvpAt!.getTime()).toBeLessThan(10_000);
    const [audit] = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.organizationId, t.org.id), eq(auditLogs.targetId, ada!.id), eq(auditLogs.action, "attendance.rsvp_changed")));
    expect(audit).toMatchObject({ actorUserId: staff.user.id, data: { rsvp: "confirmed", via: "staff", previous: "pending" } });
    expect(await t.statusOf(t.links.id)).toBe("pending");
    expect(await t.statusOf(t.reminder.id)).toBe("done");
  });

  it("a decline or a return to 'no answer yet' re-opens no message", async () => {
    const t = await setup("Decline by phone");
    const [ada, ben] = t.attendances;
    await setRsvpByStaff(t.owner.ctx, ada!.id, { rsvp: "declined" });
    await setRsvpByStaff(t.owner.ctx, ben!.id, { rsvp: "pending" });
    expect((await attendanceRow(t.org.id, ada!.id)).rsvp).toBe("declined");
    expect(await t.statusOf(t.links.id)).toBe("done");
  });

  it("refuses a wrong answer, a viewer, and an occurrence that is over or cancelled, and changes nothing", async () => {
    const t = await setup("Answer refused");
    const [ada, ben] = t.attendances;
    const viewer = await t.add("viewer");
    expect(await rejection(setRsvpByStaff(t.owner.ctx, ada!.id, { rsvp: "maybe" }))).toMatchObject({
      code: "VALIDATION",
      fields: { rsvp: [expect.stringContaining("Choose an answer")] },
    });
    expect((await rejection(setRsvpByStaff(viewer.ctx, ada!.id, { rsvp: "confirmed" }))).code).toBe("FORBIDDEN");

    await getDb().update(eventInstances).set({ status: "cancelled" }).where(eq(eventInstances.id, t.instance.id));
    expect((await rejection(setRsvpByStaff(t.owner.ctx, ada!.id, { rsvp: "confirmed" }))).message).toBe("This occurrence is cancelled.");
    await getDb()
      .update(eventInstances)
      .set({ status: "scheduled", startsAt: new Date(Date.now() - 90 * MINUTE), endsAt: new Date(Date.now() - 30 * MINUTE) })
      .where(eq(eventInstances.id, t.instance.id));
    expect((await rejection(setRsvpByStaff(t.owner.ctx, ben!.id, { rsvp: "declined" }))).code).toBe("PRECONDITION_FAILED");

    for (const person of [ada!, ben!]) expect((await attendanceRow(t.org.id, person.id)).rsvp).toBe("pending");
    expect(await t.statusOf(t.links.id)).toBe("done");
  });

  it("another organization's staff cannot read or change the answer", async () => {
    const t = await setup("Answer isolated");
    const other = await createTestOrg("Answer intruder");
    const [ada] = t.attendances;
    expect((await rejection(setRsvpByStaff(other.owner.ctx, ada!.id, { rsvp: "confirmed" }))).code).toBe("NOT_FOUND");
    expect((await attendanceRow(t.org.id, ada!.id)).rsvp).toBe("pending");
    expect(await t.statusOf(t.links.id)).toBe("done");
  });
});
