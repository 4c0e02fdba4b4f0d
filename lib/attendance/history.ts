import { schema, type Executor } from "@/lib/database";
import type { CheckInMethod } from "./states";

/** How one person's attendance of an occurrence that already took place ended. */
export type HeldAttendance = {
  organizationId: string;
  instanceId: string;
  participantId: string;
  /** No answer, a decline, a confirmation and no arrival (no-show), or an arrival at a time by a method. */
  ended:
    | { as: "no_answer" }
    | { as: "declined"; answeredAt: Date }
    | { as: "no_show"; answeredAt: Date }
    | { as: "arrived"; answeredAt: Date; checkedInAt: Date; method: CheckInMethod };
};

/**
 * Records attendances of occurrences that are over, as they ended, without living through the transitions (no audit,
 * activity or messages: it all happened before). Used to give the demo a history; every live change goes through the
 * transitions in this folder.
 */
export async function insertHeldAttendances(tx: Executor, rows: HeldAttendance[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(schema.attendances).values(
    rows.map(({ ended, ...base }) => {
      switch (ended.as) {
        case "no_answer":
          return base;
        case "declined":
          return { ...base, rsvp: "declined" as const, rsvpAt: ended.answeredAt };
        case "no_show":
          return { ...base, rsvp: "confirmed" as const, rsvpAt: ended.answeredAt, journey: "no_show" as const };
        case "arrived":
          return {
            ...base,
            rsvp: "confirmed" as const,
            rsvpAt: ended.answeredAt,
            journey: "arrived" as const,
            checkedInAt: ended.checkedInAt,
            checkInMethod: ended.method,
          };
      }
    }),
  );
}
