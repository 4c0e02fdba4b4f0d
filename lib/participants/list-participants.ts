import { and, asc, eq, ilike, notExists, or } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { parseInput } from "@/lib/errors";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { ListParticipantsOptions } from "./schemas";

const { eventParticipants, participants } = schema;

/** Participants of the organization by name, optionally filtered by a search over name and phone. */
export async function listParticipants(ctx: OrgContext, options: ListParticipantsOptions = {}) {
  assertCan(ctx, "events.read");
  const { search: rawSearch, limit, notOnEventId } = parseInput(ListParticipantsOptions, options);
  const db = getDb();
  const search = rawSearch?.trim();
  const pattern = search ? `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const onRoster = notOnEventId
    ? db
        .select({ id: eventParticipants.id })
        .from(eventParticipants)
        .where(
          and(
            eq(eventParticipants.organizationId, ctx.org.id),
            eq(eventParticipants.eventId, notOnEventId),
            eq(eventParticipants.participantId, participants.id),
          ),
        )
    : undefined;
  return db
    .select({
      id: participants.id,
      name: participants.name,
      phone: participants.phone,
      email: participants.email,
      guardianOf: participants.guardianOf,
      language: participants.language,
      metadata: participants.metadata,
      optedOutAt: participants.optedOutAt,
    })
    .from(participants)
    .where(
      and(
        eq(participants.organizationId, ctx.org.id),
        pattern ? or(ilike(participants.name, pattern), ilike(participants.phone, pattern)) : undefined,
        onRoster ? notExists(onRoster) : undefined,
      ),
    )
    .orderBy(asc(participants.name))
    .limit(limit ?? 200);
}
