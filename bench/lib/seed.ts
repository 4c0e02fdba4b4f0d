// Seeding shared by the benchmark workers (bench/worker.ts, bench/eta-worker.ts): runs inside a worker process,
// through the app's own modules.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { schema, type Database } from "@/lib/database";
import { createEvent } from "@/lib/occurrences/event-lifecycle";
import type { EventInput } from "@/lib/events/schemas";
import { linkToRoster } from "@/lib/participants/roster";
import { systemContext, type OrgContext } from "@/lib/tenant/context";

const CHUNK = 1_000;

/**
 * A fresh organization with a one-off event starting `startsInMinutes` from now (on the minute) and its occurrence.
 * With the 4-hour tracking offset the tracking window is open now and for hours; no messages are scheduled.
 */
export async function seedBenchOccurrence(
  db: Database,
  options: { name: string; startsInMinutes: number; event: Pick<EventInput, "title" | "venueName" | "venueLat" | "venueLng"> & Partial<EventInput> },
) {
  const suffix = randomUUID().slice(0, 8);
  const slug = `${options.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${suffix}`;
  const [org] = await db
    .insert(schema.organizations)
    .values({ name: `${options.name} ${suffix}`, slug, type: "event", timeZone: "UTC" })
    .returning();
  const ctx: OrgContext = systemContext(org!, "bench");
  const start = new Date(Math.ceil((Date.now() + options.startsInMinutes * 60_000) / 60_000) * 60_000);
  const event = await createEvent(ctx, {
    kind: "demand",
    dtstartLocal: start.toISOString().slice(0, 16),
    durationMinutes: 120,
    timeZone: "UTC",
    arrivalRadiusM: 150,
    schedule: { confirmationOffsetMinutes: null, reminderOffsetMinutes: null, trackingOffsetMinutes: 240, closureOffsetMinutes: 60 },
    ...options.event,
  });
  const [instance] = await db
    .select()
    .from(schema.eventInstances)
    .where(and(eq(schema.eventInstances.eventId, event.id), eq(schema.eventInstances.organizationId, org!.id)));
  if (!instance) throw new Error("createEvent made no occurrence");
  return { org: org!, ctx, event, instance };
}

/** `count` participants, inserted and put on the event's roster 1,000 at a time (one attendance each). */
export async function seedRoster(
  db: Database,
  ctx: OrgContext,
  eventId: string,
  count: number,
  person: (n: number) => { name: string; phone: string },
): Promise<void> {
  for (let i = 0; i < count; i += CHUNK) {
    const chunk = Array.from({ length: Math.min(CHUNK, count - i) }, (_, j) => ({ organizationId: ctx.org.id, ...person(i + j) }));
    const people = await db.insert(schema.participants).values(chunk).returning({ id: schema.participants.id });
    await linkToRoster(db, ctx, eventId, people.map((p) => p.id));
  }
}
