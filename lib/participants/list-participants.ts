import { and, asc, eq, ilike, notExists, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/lib/database";
import { parseInput } from "@/lib/errors";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { afterCursor, cursorAt, cursorOrder, PageInput, toPage } from "@/lib/pagination";
import { ListParticipantsOptions } from "./schemas";

const { eventParticipants, participants } = schema;

/** What a list shows of a person. */
export const participantColumns = {
  id: participants.id,
  name: participants.name,
  phone: participants.phone,
  email: participants.email,
  guardianOf: participants.guardianOf,
  language: participants.language,
  metadata: participants.metadata,
  optedOutAt: participants.optedOutAt,
};

/** Name, phone or e-mail contains the text (LIKE's wildcards in it taken literally). */
function matching(search: string | undefined): SQL | undefined {
  const text = search?.trim();
  if (!text) return undefined;
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return or(ilike(participants.name, pattern), ilike(participants.phone, pattern), ilike(participants.email, pattern));
}

/** Participants of the organization by name, optionally filtered by a search over name, phone and e-mail. */
export async function listParticipants(ctx: OrgContext, options: ListParticipantsOptions = {}) {
  assertCan(ctx, "events.read");
  const { search, limit, notOnEventId } = parseInput(ListParticipantsOptions, options);
  const db = getDb();
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
    .select(participantColumns)
    .from(participants)
    .where(and(eq(participants.organizationId, ctx.org.id), matching(search), onRoster ? notExists(onRoster) : undefined))
    .orderBy(asc(participants.name))
    .limit(limit ?? 200);
}

export type ParticipantSummary = Awaited<ReturnType<typeof listParticipants>>[number];

export const PageParticipantsInput = PageInput.extend({ search: z.string().max(200).optional() });
export type PageParticipantsInput = z.input<typeof PageParticipantsInput>;

/**
 * One page of the organization's participants in the order they were added (then by id), for machine clients that
 * read them all: people added while a client pages through come at the end, so no one is missed or repeated.
 */
export async function pageParticipants(ctx: OrgContext, input: PageParticipantsInput = {}) {
  assertCan(ctx, "events.read");
  const { search, limit, cursor } = parseInput(PageParticipantsInput, input);
  const rows = await getDb()
    .select({ ...participantColumns, createdAt: participants.createdAt, updatedAt: participants.updatedAt, cursorAt: cursorAt(participants.createdAt) })
    .from(participants)
    .where(
      and(
        eq(participants.organizationId, ctx.org.id),
        matching(search),
        afterCursor(participants.createdAt, participants.id, cursor),
      ),
    )
    .orderBy(...cursorOrder(participants.createdAt, participants.id))
    .limit(limit + 1);
  return toPage(rows, limit);
}
