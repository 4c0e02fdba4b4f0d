import { and, eq, inArray } from "drizzle-orm";
import { schema, type Executor } from "@/lib/database";
import type { OrgContext } from "@/lib/tenant";

const { eventParticipants, participants } = schema;

export type KnownParticipant = { id: string; name: string; phone: string; isOnRoster: boolean };

const CHUNK = 1000;

/** The organization's participants with these phone numbers, and whether each is already on the event's roster. */
export async function findKnownPhones(
  db: Executor,
  ctx: OrgContext,
  eventId: string,
  phones: string[],
): Promise<Map<string, KnownParticipant>> {
  const known = new Map<string, KnownParticipant>();
  for (let start = 0; start < phones.length; start += CHUNK) {
    const found = await db
      .select({
        id: participants.id,
        name: participants.name,
        phone: participants.phone,
        rosterId: eventParticipants.id,
      })
      .from(participants)
      .leftJoin(
        eventParticipants,
        and(
          eq(eventParticipants.participantId, participants.id),
          eq(eventParticipants.eventId, eventId),
          eq(eventParticipants.organizationId, ctx.org.id),
        ),
      )
      .where(
        and(
          eq(participants.organizationId, ctx.org.id),
          inArray(participants.phone, phones.slice(start, start + CHUNK)),
        ),
      );
    for (const { rosterId, ...person } of found) known.set(person.phone, { ...person, isOnRoster: rosterId !== null });
  }
  return known;
}
