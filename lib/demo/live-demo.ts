import { confirmPendingForDemo } from "@/lib/attendance";
import { AppError, problem } from "@/lib/errors";
import { listEvents, type EventInput } from "@/lib/events";
import { createEvent, listUpcomingOccurrences } from "@/lib/occurrences";
import { addToRoster, listParticipants } from "@/lib/participants";
import { instantToLocal } from "@/lib/recurrence";
import { assertCan, type OrgContext, can } from "@/lib/tenant";
import { DEMO_SPEED_FACTOR, LIVE_DEMO_PARTICIPANTS, LIVE_DEMO_STARTS_IN_MINUTES } from "./settings";
import { assertEmbeddedMode, startOccurrenceSimulation, type SimulationStart } from "./simulate";

const MINUTE = 60_000;
/** Where the demo meets when the organization has no event to borrow a venue from (the seeded demo school). */
const FALLBACK_VENUE = {
  venueName: "Maple Grove School",
  venueAddress: "Invalidenstraße 120, 10115 Berlin",
  venueLat: 52.5306,
  venueLng: 13.3847,
};

export type LiveDemo = SimulationStart & { eventId: string; instanceId: string };

/**
 * A one-off "Live demo" occurrence starting in about 20 minutes at the venue of the organization's newest event, with
 * up to eight people from its participant list on the roster and confirmed, and the simulator moving them toward it.
 * Created through the normal event and roster functions, so occurrences, attendances and actions are the real thing.
 */
export async function startLiveDemo(
  ctx: OrgContext,
  options: Parameters<typeof startOccurrenceSimulation>[2],
): Promise<LiveDemo> {
  assertEmbeddedMode();
  assertCan(ctx, "live.checkIn");
  if (!can(ctx.role, "events.write") || !can(ctx.role, "participants.write")) {
    throw new AppError("FORBIDDEN", problem("demo.needsManager"));
  }
  const people = (await listParticipants(ctx, { limit: 200 })).filter((p) => !p.optedOutAt).slice(0, LIVE_DEMO_PARTICIPANTS);
  if (people.length === 0) {
    throw new AppError("PRECONDITION_FAILED", problem("demo.noParticipants"));
  }
  const [newest] = await listEvents(ctx, { status: "active" });
  const venue = newest
    ? { venueName: newest.venueName, venueAddress: newest.venueAddress, venueLat: newest.venueLat, venueLng: newest.venueLng }
    : FALLBACK_VENUE;

  const timeZone = ctx.org.timeZone;
  const startsAt = new Date(Math.ceil((Date.now() + LIVE_DEMO_STARTS_IN_MINUTES * MINUTE) / MINUTE) * MINUTE);
  const input: EventInput = {
    title: `Live demo ${instantToLocal(startsAt, timeZone).slice(11, 16)}`,
    description: `Simulated journeys at ${DEMO_SPEED_FACTOR}× speed: the positions are made up and no messages are sent.`,
    kind: "demand",
    dtstartLocal: instantToLocal(startsAt, timeZone),
    durationMinutes: 60,
    timeZone,
    ...venue,
    arrivalRadiusM: 150,
    travelMode: "driving",
    lateGraceMinutes: 5,
    // Everyone is confirmed and the simulator issues the links itself: only the closure (no-shows) stays planned.
    schedule: { confirmationOffsetMinutes: null, reminderOffsetMinutes: null, trackingOffsetMinutes: null, closureOffsetMinutes: 30 },
  };
  const event = await createEvent(ctx, input);
  for (const person of people) await addToRoster(ctx, { eventId: event.id, participantId: person.id });
  const [occurrence] = await listUpcomingOccurrences(ctx, { eventId: event.id, limit: 1 });
  if (!occurrence) throw new Error("The live demo's occurrence was not created.");
  await confirmPendingForDemo(ctx, occurrence.id);

  const started = await startOccurrenceSimulation(ctx, occurrence.id, options);
  return { ...started, eventId: event.id, instanceId: occurrence.id };
}
