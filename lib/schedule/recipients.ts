import { and, asc, eq, sql, type SQLWrapper } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import type { ScheduledActionKind } from "./due-times";

const { attendances, participants } = schema;

// Read from tracking's table on purpose: whether someone already uses a link decides who the tracking-link message is
// for, and lib/schedule sits below lib/tracking.
/** SQL: the attendance has a link that was opened and not replaced since, i.e. someone is (or was) using it. */
export function hasOpenedLinkSql(organizationId: string | SQLWrapper, attendanceId: SQLWrapper) {
  return sql<boolean>`exists (
    select 1 from tracking_links l
    where l.organization_id = ${organizationId} and l.attendance_id = ${attendanceId}
      and l.first_opened_at is not null and l.revoked_at is null
  )`;
}

type Rsvp = "pending" | "confirmed" | "declined";

/**
 * Who an action of the occurrence is for: the confirmation asks those who have not answered, the reminder and the
 * tracking link go to those who confirmed, closure covers the whole roster. Opted-out people get no messages, and
 * someone already using a link (one staff handed out) gets no new one: it would stop theirs mid-way.
 */
export function isEligible(
  action: ScheduledActionKind,
  person: { rsvp: Rsvp; optedOutAt: Date | null; hasOpenedLink: boolean },
): boolean {
  if (action === "closure") return true;
  if (person.optedOutAt) return false;
  if (action === "confirmation") return person.rsvp === "pending";
  return person.rsvp === "confirmed" && !(action === "tracking_link" && person.hasOpenedLink);
}

export type Recipient = Awaited<ReturnType<typeof listAttendees>>[number];

/**
 * The people a run of this action sends to, by name. The closure thanks those who arrived, and only when the
 * organization set a closure message up (`closureConfigured`); the other actions go to whoever isEligible().
 */
export async function listRecipients(
  orgId: string,
  action: { action: ScheduledActionKind; instanceId: string; participantId: string | null },
  closureConfigured: boolean,
): Promise<Recipient[]> {
  const people = await listAttendees(orgId, action.instanceId, action.participantId);
  return people.filter((p) =>
    action.action === "closure"
      ? closureConfigured && p.optedOutAt === null && p.journey === "arrived"
      : isEligible(action.action, p),
  );
}

function listAttendees(orgId: string, instanceId: string, onlyParticipantId: string | null) {
  return getDb()
    .select({
      attendanceId: attendances.id,
      participantId: participants.id,
      name: participants.name,
      phone: participants.phone,
      optedOutAt: participants.optedOutAt,
      lastInboundAt: participants.lastInboundAt,
      language: participants.language,
      rsvp: attendances.rsvp,
      journey: attendances.journey,
      hasOpenedLink: hasOpenedLinkSql(orgId, attendances.id),
    })
    .from(attendances)
    .innerJoin(participants, and(eq(participants.id, attendances.participantId), eq(participants.organizationId, orgId)))
    .where(
      and(
        eq(attendances.organizationId, orgId),
        eq(attendances.instanceId, instanceId),
        onlyParticipantId ? eq(attendances.participantId, onlyParticipantId) : undefined,
      ),
    )
    .orderBy(asc(participants.name), asc(participants.id));
}
