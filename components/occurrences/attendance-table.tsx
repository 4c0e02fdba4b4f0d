import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { UsersIcon } from "@/components/ui/icons";
import { Table, TBody, TH, THead, TR } from "@/components/ui/table";
import type { getOccurrence } from "@/lib/occurrences/occurrences";
import { AttendanceRow, type AttendanceActions, type AttendanceRowView } from "./attendance-row";
import { formatClock, JOURNEY_TONES, journeyDetail, linkState } from "./journey-text";
import { JOURNEY_LABELS } from "./labels";

/** An occurrence as its page shows it: the event, counts, tracking window and every attendance. */
export type Occurrence = Awaited<ReturnType<typeof getOccurrence>>;

type Props = {
  occurrence: Occurrence;
  actions: AttendanceActions;
  /** Staff and up: tracking links and check-in by hand (the domain checks again). */
  canCheckIn: boolean;
  now: Date;
};

/** Who is invited, their answer, where they are on their way, and (for staff) their tracking link and check-in. */
export function AttendanceTable({ occurrence, actions, canCheckIn, now }: Props) {
  const { timeZone } = occurrence.event;
  if (occurrence.attendances.length === 0) {
    return (
      <EmptyState
        icon={<UsersIcon />}
        title="Nobody is invited yet"
        description="Add participants to the event's roster; they join every future occurrence."
      />
    );
  }
  const isCancelled = occurrence.status === "cancelled";
  const windowClosed = occurrence.trackingWindow.validUntil <= now;
  const over = occurrence.endsAt <= now ? { date: occurrence.startsLocal.slice(0, 10), startTime: occurrence.startsLocal.slice(11, 16) } : null;
  const rows: AttendanceRowView[] = occurrence.attendances.map((a) => ({
    id: a.id,
    name: a.name,
    contact: a.guardianOf ?? a.phone,
    isOptedOut: a.optedOutAt !== null,
    rsvp: a.rsvp,
    rsvpTone: a.rsvp === "confirmed" ? "success" : a.rsvp === "declined" ? "danger" : "neutral",
    journey: a.journey,
    journeyLabel: JOURNEY_LABELS[a.journey] ?? a.journey,
    journeyTone: JOURNEY_TONES[a.journey] ?? "neutral",
    journeyDetail: journeyDetail(a, now, timeZone),
    hasLink: a.link !== null,
    link: linkState(a.link, now, timeZone),
    locationRequested: a.locationRequestedAt ? `Location asked in WhatsApp at ${formatClock(a.locationRequestedAt, timeZone)}` : null,
  }));

  return (
    <Table aria-label="Attendance">
      <THead>
        <TR>
          <TH>Participant</TH>
          <TH>Answer</TH>
          <TH>Journey</TH>
          <TH>Tracking link</TH>
          {canCheckIn ? <TH className="text-right">Actions</TH> : null}
        </TR>
      </THead>
      <TBody>
        {rows.map((row) => (
          <AttendanceRow
            key={row.id}
            actions={actions}
            instanceId={occurrence.id}
            row={row}
            canCheckIn={canCheckIn && !isCancelled}
            canIssueLink={canCheckIn && !isCancelled && !windowClosed}
            canAnswer={canCheckIn && !isCancelled && occurrence.endsAt > now}
            columns={canCheckIn ? 5 : 4}
            timeZone={timeZone}
            over={over}
          />
        ))}
      </TBody>
    </Table>
  );
}

/** "Live" while the tracking window is open: positions and arrivals come in and the page refreshes itself. */
export function LiveBadge() {
  return (
    <Badge tone="success" dot>
      Live · updates every 10 s
    </Badge>
  );
}
