import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { OCCURRENCE_STATUS, formatLocalShort } from "./labels";
import type { Occurrence } from "./attendance-table";

type Props = { orgSlug: string; occurrence: Occurrence; now: Date; isLive: boolean };

/** When and where, its state, and the way to its report (once started) and its live map. */
export function OccurrenceHeader({ orgSlug, occurrence, now, isLive }: Props) {
  const { event } = occurrence;
  const status = OCCURRENCE_STATUS[occurrence.status]!;
  const day = occurrence.startsLocal.slice(0, 10);
  return (
    <PageHeader
      eyebrow={
        <Link href={`/${orgSlug}/events/${event.id}`} className="hover:underline">
          {event.title}
        </Link>
      }
      title={formatLocalShort(occurrence.startsLocal)}
      description={`${event.venueName} · until ${occurrence.endsLocal.slice(11, 16)} · times in ${event.timeZone.replaceAll("_", " ")}`}
      actions={
        <div className="flex items-center gap-2">
          <Badge tone={status.tone}>{status.label}</Badge>
          {occurrence.isDetached ? <Badge tone="warning">Moved</Badge> : null}
          {occurrence.status !== "cancelled" && occurrence.startsAt <= now ? (
            <Link href={`/${orgSlug}/events/${event.id}/report?from=${day}&to=${day}`} className={buttonClasses("secondary")}>
              Attendance report
            </Link>
          ) : null}
          {occurrence.status !== "cancelled" ? (
            <Link href={`/${orgSlug}/occurrences/${occurrence.id}/live`} className={buttonClasses(isLive ? "primary" : "secondary")}>
              Live map
            </Link>
          ) : null}
        </div>
      }
    />
  );
}
