import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatClock } from "@/components/dashboard/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { UsersIcon } from "@/components/ui/icons";
import { Table, TBody, TH, THead, TR } from "@/components/ui/table";
import { formatDistance } from "@/lib/i18n/format";
import type { DistanceUnits } from "@/lib/i18n/locales";
import type { getOccurrence } from "@/lib/occurrences/occurrences";
import { AttendanceRow, type AttendanceActions, type AttendanceRowView } from "./attendance-row";
import { JOURNEY_TONES, journeyDetail, journeyLabel, linkState, type JourneyWords } from "./journey-text";

/** An occurrence as its page shows it: the event, counts, tracking window and every attendance. */
export type Occurrence = Awaited<ReturnType<typeof getOccurrence>>;

type Props = {
  occurrence: Occurrence;
  actions: AttendanceActions;
  /** Staff and up: tracking links and check-in by hand (the domain checks again). */
  canCheckIn: boolean;
  now: Date;
  /** Distances in km/m, or mi/ft for an organization in the US or the UK. */
  units: DistanceUnits;
};

/** Who is invited, their answer, where they are on their way, and (for staff) their tracking link and check-in. */
export function AttendanceTable({ occurrence, actions, canCheckIn, now, units }: Props) {
  const t = useTranslations("occurrences");
  const format = useFormatter();
  const locale = useLocale();
  const words: JourneyWords = { t, format, distance: (m) => formatDistance(m, locale, units) };
  const { timeZone } = occurrence.event;
  if (occurrence.attendances.length === 0) {
    return <EmptyState icon={<UsersIcon />} title={t("attendance.emptyTitle")} description={t("attendance.emptyDescription")} />;
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
    journeyLabel: journeyLabel(t, a.journey),
    journeyTone: JOURNEY_TONES[a.journey] ?? "neutral",
    journeyDetail: journeyDetail(words, a, now, timeZone),
    hasLink: a.link !== null,
    link: linkState(words, a.link, now, timeZone),
    locationRequested: a.locationRequestedAt ? t("attendance.locationAsked", { time: formatClock(format, a.locationRequestedAt, timeZone) }) : null,
  }));

  return (
    <Table aria-label={t("attendance.title")}>
      <THead>
        <TR>
          {/* Headers may wrap: a longer language's "Tracking link" must not widen the table past the page. */}
          <TH className="whitespace-normal">{t("attendance.participant")}</TH>
          <TH className="whitespace-normal">{t("attendance.answer")}</TH>
          <TH className="whitespace-normal">{t("attendance.journey")}</TH>
          <TH className="whitespace-normal">{t("attendance.link")}</TH>
          {canCheckIn ? <TH className="text-right whitespace-normal">{t("attendance.actions")}</TH> : null}
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
  const t = useTranslations("occurrences");
  return (
    <Badge tone="success" dot>
      {t("liveBadge", { seconds: 10 })}
    </Badge>
  );
}
