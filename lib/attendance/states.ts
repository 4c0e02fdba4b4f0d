import type { activityKind, checkInMethod, journeyStatus, rsvpStatus } from "@/db/schema";

// Client-safe: the words of an attendance's state, taken from the database enums (a type-only import, erased from
// every bundle) so they are spelled out in one place.

export type Rsvp = (typeof rsvpStatus.enumValues)[number];
export type Journey = (typeof journeyStatus.enumValues)[number];
export type CheckInMethod = (typeof checkInMethod.enumValues)[number];
/** An entry of an occurrence's activity feed. */
export type ActivityKind = (typeof activityKind.enumValues)[number];

/** Journeys that still take positions and can end in an arrival or a no-show. */
export const TRAVELLING = ["not_started", "on_the_way"] as const satisfies readonly Journey[];

export type TravellingJourney = (typeof TRAVELLING)[number];

export function isTravelling(journey: Journey): journey is TravellingJourney {
  return journey === "not_started" || journey === "on_the_way";
}
