import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { AppError, parseInput, problem } from "@/lib/errors";
import { findEventOrThrow } from "@/lib/events";
import { appUrl } from "@/lib/http";
import { actorUserId, assertCan, type OrgContext } from "@/lib/tenant";
import { EventFeedInput, type FeedAddress, type FeedScope } from "./schemas";

const { calendarFeeds } = schema;

type FeedRow = typeof calendarFeeds.$inferSelect;

/** 256 random bits: the token is the feed's only credential. */
const newToken = () => randomBytes(32).toString("base64url");

/** The address shown to members, from the configured APP_URL (never a request header), and its webcal:// twin. */
export function feedAddress(row: FeedRow): FeedAddress {
  const url = `${appUrl()}/calendar/${row.token}.ics`;
  return {
    id: row.id,
    scope: row.eventId ? "event" : "organization",
    url,
    webcalUrl: url.replace(/^https?:/, "webcal:"),
    createdAt: row.createdAt,
  };
}

function scopeWhere(ctx: OrgContext, eventId: string | null) {
  return and(
    eq(calendarFeeds.organizationId, ctx.org.id),
    eventId ? eq(calendarFeeds.eventId, eventId) : isNull(calendarFeeds.eventId),
  );
}

const audit = (tx: Executor, ctx: OrgContext, row: FeedRow, action: "created" | "regenerated") =>
  writeAudit(tx, ctx, {
    action: `calendar_feed.${action}`,
    targetType: "calendar_feed",
    targetId: row.id,
    data: { scope: (row.eventId ? "event" : "organization") satisfies FeedScope, eventId: row.eventId },
  });

/** The feed of the scope, created (and audited) the first time anyone who may read events asks for it. */
async function getOrCreate(ctx: OrgContext, eventId: string | null): Promise<FeedAddress> {
  const db = getDb();
  const [existing] = await db.select().from(calendarFeeds).where(scopeWhere(ctx, eventId));
  if (existing) return feedAddress(existing);
  return db.transaction(async (tx) => {
    // Two first visits at once: the unique index keeps one row, and the second reads the first's.
    const [created] = await tx
      .insert(calendarFeeds)
      .values({ organizationId: ctx.org.id, eventId, token: newToken(), createdByUserId: actorUserId(ctx) })
      .onConflictDoNothing()
      .returning();
    if (created) {
      await audit(tx, ctx, created, "created");
      return feedAddress(created);
    }
    const [row] = await tx.select().from(calendarFeeds).where(scopeWhere(ctx, eventId));
    return feedAddress(row!);
  });
}

/** A new token for the scope's feed: the old address stops working with this commit. */
async function regenerate(ctx: OrgContext, eventId: string | null): Promise<FeedAddress> {
  await getOrCreate(ctx, eventId);
  return getDb().transaction(async (tx) => {
    const [updated] = await tx
      .update(calendarFeeds)
      .set({ token: newToken(), createdByUserId: actorUserId(ctx), createdAt: new Date() })
      .where(scopeWhere(ctx, eventId))
      .returning();
    // Gone in between: its event was deleted (the feed goes with it).
    if (!updated) throw new AppError("NOT_FOUND", problem("calendar.notFound"));
    await audit(tx, ctx, updated, "regenerated");
    return feedAddress(updated);
  });
}

/** The secret address of one event's occurrences. Anyone who may read events sees it. */
export async function getEventFeed(ctx: OrgContext, input: EventFeedInput): Promise<FeedAddress> {
  assertCan(ctx, "events.read");
  const { eventId } = parseInput(EventFeedInput, input);
  await findEventOrThrow(getDb(), ctx, eventId);
  return getOrCreate(ctx, eventId);
}

/** The secret address of every active event's occurrences. */
export async function getOrganizationFeed(ctx: OrgContext): Promise<FeedAddress> {
  assertCan(ctx, "events.read");
  return getOrCreate(ctx, null);
}

export async function regenerateEventFeed(ctx: OrgContext, input: EventFeedInput): Promise<FeedAddress> {
  assertCan(ctx, "events.write");
  const { eventId } = parseInput(EventFeedInput, input);
  await findEventOrThrow(getDb(), ctx, eventId);
  return regenerate(ctx, eventId);
}

export async function regenerateOrganizationFeed(ctx: OrgContext): Promise<FeedAddress> {
  assertCan(ctx, "events.write");
  return regenerate(ctx, null);
}
