import { and, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { hashTrackingToken, isWellFormedToken } from "./token";

const { attendances, organizations, participants, trackingLinks } = schema;

/**
 * The language of the person a tracking link belongs to (theirs, else their organization's), or null for a token
 * that opens nothing. Like the page itself, the token establishes the tenant; every join stays inside its organization.
 */
export async function unsafeLinkLocale(token: string): Promise<Locale | null> {
  if (!isWellFormedToken(token)) return null;
  const [row] = await getDb()
    .select({ participant: participants.language, organization: organizations.language })
    .from(trackingLinks)
    .innerJoin(
      attendances,
      and(eq(attendances.id, trackingLinks.attendanceId), eq(attendances.organizationId, trackingLinks.organizationId)),
    )
    .innerJoin(
      participants,
      and(eq(participants.id, attendances.participantId), eq(participants.organizationId, trackingLinks.organizationId)),
    )
    .innerJoin(organizations, eq(organizations.id, trackingLinks.organizationId))
    .where(eq(trackingLinks.tokenHash, hashTrackingToken(token)))
    .limit(1);
  return row ? toLocale(row.participant, toLocale(row.organization)) : null;
}
