import { and, asc, eq, ilike, or } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { assertCan, type OrgContext } from "@/lib/tenant/context";

const { participants } = schema;

/** Participants of the organization by name, optionally filtered by a search over name and phone. */
export async function listParticipants(ctx: OrgContext, options: { search?: string; limit?: number } = {}) {
  assertCan(ctx, "events.read");
  const search = options.search?.trim();
  const pattern = search ? `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  return getDb()
    .select({
      id: participants.id,
      name: participants.name,
      phone: participants.phone,
      email: participants.email,
      guardianOf: participants.guardianOf,
      optedOutAt: participants.optedOutAt,
    })
    .from(participants)
    .where(
      and(
        eq(participants.organizationId, ctx.org.id),
        pattern ? or(ilike(participants.name, pattern), ilike(participants.phone, pattern)) : undefined,
      ),
    )
    .orderBy(asc(participants.name))
    .limit(options.limit ?? 200);
}
