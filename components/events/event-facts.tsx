import type { ReactNode } from "react";
import { ACTION_LABELS } from "@/components/occurrences/labels";
import { SectionCard } from "@/components/ui/section-card";
import type { getEvent } from "@/lib/events/read-events";
import { LINK_NOT_OPENED_AFTER_MINUTES } from "@/lib/whatsapp/outbound/location-follow-ups";

type Event = Awaited<ReturnType<typeof getEvent>>;

function describeOffset(minutes: number | null, relation: string): string {
  if (minutes === null) return "Off";
  if (minutes % 1440 === 0 && minutes > 0) return `${minutes / 1440} day${minutes === 1440 ? "" : "s"} ${relation}`;
  if (minutes % 60 === 0 && minutes > 0) return `${minutes / 60} hour${minutes === 60 ? "" : "s"} ${relation}`;
  return `${minutes} minutes ${relation}`;
}

function Fact({ term, children, strong = false }: { term: string; children: ReactNode; strong?: boolean }) {
  return (
    <div>
      <dt className={strong ? "font-medium text-slate-900" : "text-slate-500"}>{term}</dt>
      <dd className={strong ? "text-slate-600" : undefined}>{children}</dd>
    </div>
  );
}

/** Where the event takes place and what counts as arriving, and late. */
export function VenueCard({ event }: { event: Event }) {
  return (
    <SectionCard title="Venue">
      <dl className="space-y-2 text-sm">
        <Fact term={event.venueName} strong>
          {event.venueAddress || "No address given"}
        </Fact>
        <Fact term="Position">
          <span className="tabular-nums">
            {event.venueLat.toFixed(5)}, {event.venueLng.toFixed(5)}
          </span>
        </Fact>
        <Fact term="Arrival radius">{event.arrivalRadiusM} m</Fact>
        <Fact term="Travel">
          {event.travelMode === "walking" ? "On foot" : "By car or bus"}; late {event.lateGraceMinutes} min after the start
        </Fact>
        <Fact term="Duration">{event.durationMinutes} minutes</Fact>
      </dl>
    </SectionCard>
  );
}

/** When each WhatsApp message of an occurrence goes out, relative to its start or end. */
export function MessageScheduleCard({ event }: { event: Event }) {
  const { schedule } = event;
  return (
    <SectionCard title="Message schedule">
      <dl className="space-y-2 text-sm">
        <Fact term={ACTION_LABELS.confirmation!}>{describeOffset(schedule.confirmationOffsetMinutes, "before the start")}</Fact>
        <Fact term={ACTION_LABELS.reminder!}>{describeOffset(schedule.reminderOffsetMinutes, "before the start")}</Fact>
        <Fact term={ACTION_LABELS.location_request!}>{describeOffset(schedule.trackingOffsetMinutes, "before the start")}</Fact>
        {schedule.trackingOffsetMinutes !== null ? (
          <Fact term="Location request">
            {LINK_NOT_OPENED_AFTER_MINUTES} minutes after the tracking link to whoever has not opened it, and when someone&apos;s sharing
            stops on the way (people who wrote in the last 24 hours)
          </Fact>
        ) : null}
        <Fact term={ACTION_LABELS.closure!}>{describeOffset(schedule.closureOffsetMinutes, "after the end")}</Fact>
      </dl>
    </SectionCard>
  );
}
