import { checkInManually } from "@/lib/attendance";
import { getDb, schema } from "@/lib/database";
import { eq } from "drizzle-orm";
import { randomPhone } from "../given";
import type { ContractCalls, ContractFixture } from "./fixture";

// The contract calls of participants, rosters, attendances, locations, reports and messages.

/** An attendance of one of the fixture's people on an occurrence that was then cancelled. */
async function attendanceOnCancelled(f: ContractFixture): Promise<string> {
  const instance = f.instances[0]!;
  const [row] = await getDb()
    .insert(schema.attendances)
    .values({ organizationId: f.org.id, instanceId: instance.id, participantId: f.people[1]!.participant.id })
    .returning();
  await getDb().update(schema.eventInstances).set({ status: "cancelled" }).where(eq(schema.eventInstances.id, instance.id));
  return row!.id;
}

const person = (f: ContractFixture, i = 0) => f.people[i]!.participant.id;
const attendance = (f: ContractFixture, i = 0) => f.people[i]!.attendance.id;

export const peopleCalls: Record<string, ContractCalls> = {
  listParticipants: { ok: () => ({ path: "/participants?limit=2&search=Person" }), invalid: () => ({ path: "/participants?limit=0" }) },
  createParticipant: {
    ok: () => ({ path: "/participants", body: { name: "Mira Roth", phone: randomPhone(), metadata: { Class: "2c" } } }),
    errors: { CONFLICT: (f) => ({ path: "/participants", body: { name: "Twin", phone: f.people[0]!.participant.phone } }) },
  },
  getParticipant: { ok: (f) => ({ path: `/participants/${person(f)}` }) },
  updateParticipant: {
    ok: (f) => ({ path: `/participants/${person(f)}`, body: { email: "person1@example.com" } }),
    errors: { CONFLICT: (f) => ({ path: `/participants/${person(f)}`, body: { phone: f.people[1]!.participant.phone } }) },
  },
  deleteParticipant: { ok: (f) => ({ path: `/participants/${person(f)}` }) },
  upsertParticipants: {
    ok: (f) => ({
      path: "/participants/bulk-upsert",
      body: { eventId: f.event.id, rows: [{ name: "New", phone: randomPhone() }, { name: "Bad", phone: "12" }] },
    }),
    invalid: () => ({ path: "/participants/bulk-upsert", body: { rows: [] } }),
  },
  listRoster: { ok: (f) => ({ path: `/events/${f.event.id}/roster` }) },
  addToRoster: { ok: (f) => ({ path: `/events/${f.event.id}/roster`, body: { participantId: person(f) } }) },
  removeFromRoster: { ok: (f) => ({ path: `/events/${f.event.id}/roster/${person(f)}` }) },
  listAttendances: { ok: (f) => ({ path: `/occurrences/${f.instance.id}/attendances` }) },
  checkIn: {
    ok: (f) => ({ path: `/attendances/${attendance(f)}/check-in`, body: {} }),
    errors: { PRECONDITION_FAILED: async (f) => ({ path: `/attendances/${await attendanceOnCancelled(f)}/check-in`, body: {} }) },
  },
  undoCheckIn: {
    ok: async (f) => {
      await checkInManually(f.owner.ctx, attendance(f));
      return { path: `/attendances/${attendance(f)}/check-in` };
    },
    errors: { PRECONDITION_FAILED: (f) => ({ path: `/attendances/${attendance(f, 2)}/check-in` }) },
  },
  listLatestPositions: { ok: (f) => ({ path: `/occurrences/${f.instance.id}/positions` }) },
  getTrail: {
    ok: (f) => ({ path: `/attendances/${attendance(f)}/trail?limit=10` }),
    invalid: (f) => ({ path: `/attendances/${attendance(f)}/trail?limit=0` }),
  },
  getAttendanceReport: {
    ok: (f) => ({ path: `/events/${f.event.id}/report?from=2026-01-01&to=2026-01-31` }),
    invalid: (f) => ({ path: `/events/${f.event.id}/report?from=2026-02-01&to=2026-01-01` }),
  },
  listMessages: { ok: () => ({ path: "/messages?limit=10&kind=reminder" }), invalid: () => ({ path: "/messages?status=lost" }) },
};
