import { count, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { assertCan, type OrgContext } from "@/lib/tenant";

const { events, memberships, participants } = schema;

export type OrganizationCounts = { events: number; participants: number; members: number };

export async function getOrganizationCounts(ctx: OrgContext): Promise<OrganizationCounts> {
  assertCan(ctx, "organization.read");
  const db = getDb();
  const scalar = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
  const [eventCount, participantCount, memberCount] = await Promise.all([
    scalar(db.select({ n: count() }).from(events).where(eq(events.organizationId, ctx.org.id))),
    scalar(db.select({ n: count() }).from(participants).where(eq(participants.organizationId, ctx.org.id))),
    scalar(db.select({ n: count() }).from(memberships).where(eq(memberships.organizationId, ctx.org.id))),
  ]);
  return { events: eventCount, participants: participantCount, members: memberCount };
}
