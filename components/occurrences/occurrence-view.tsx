import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { SimulateButton } from "@/components/demo/simulate-button";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/section-card";
import { StatGrid } from "@/components/ui/stat";
import { WhatsAppSimulator } from "@/components/whatsapp/simulator-panel";
import type { FormAction } from "@/lib/http/action-result";
import type { DistanceUnits } from "@/lib/i18n/locales";
import type { TimelineRow } from "@/lib/occurrences/timeline";
import { AttendanceTable, LiveBadge, type Occurrence } from "./attendance-table";
import type { AttendanceActions } from "./attendance-row";
import { LiveRefresh } from "./live-refresh";
import { OccurrenceControls } from "./occurrence-controls";
import { OccurrenceHeader } from "./occurrence-header";
import { Timeline } from "./timeline";

/** The page's server actions, bound to the organization. */
export type OccurrenceActions = AttendanceActions & {
  cancel: FormAction;
  move: FormAction;
  simulate: FormAction;
  reply: ComponentProps<typeof WhatsAppSimulator>["reply"];
};

type Props = {
  orgSlug: string;
  occurrence: Occurrence;
  timeline: TimelineRow[];
  failedMessages: number;
  now: Date;
  can: { write: boolean; checkIn: boolean; replay: boolean };
  /** Embedded mode: the demo's movement simulator, and (with the log transport) the WhatsApp simulator. */
  demo: { simulate: boolean; whatsapp: boolean };
  actions: OccurrenceActions;
  /** The organization's distances: km/m, or mi/ft in the US and the UK. */
  units: DistanceUnits;
};

/** One occurrence: its state and controls, who answered, who is where, and what went out over WhatsApp. */
export function OccurrenceView({ orgSlug, occurrence, timeline, failedMessages, now, can, demo, actions, units }: Props) {
  const t = useTranslations("occurrences.view");
  const { event, counts } = occurrence;
  const { issueLink, checkIn, undoCheckIn, setRsvp } = actions;
  const cancelledMessages = timeline.filter((row) => row.status === "cancelled").length;
  const editable = can.write && occurrence.status === "scheduled" && occurrence.startsAt > now;
  const { validFrom, validUntil } = occurrence.trackingWindow;
  const isLive = occurrence.status !== "cancelled" && validFrom <= now && now <= validUntil;

  return (
    <div className="space-y-6">
      <OccurrenceHeader orgSlug={orgSlug} occurrence={occurrence} now={now} isLive={isLive} canReplay={can.replay} />
      {occurrence.status !== "cancelled" ? <LiveRefresh from={validFrom.toISOString()} until={validUntil.toISOString()} /> : null}
      {isLive && demo.simulate && can.checkIn ? <SimulateButton instanceId={occurrence.id} start={actions.simulate} /> : null}
      {failedMessages > 0 ? (
        <Alert tone="danger" title={t("failed", { count: failedMessages })}>
          <Link href={`/${orgSlug}/messages?occurrence=${occurrence.id}&status=failed`} className="font-medium underline">
            {t("failedLink")}
          </Link>
        </Alert>
      ) : null}
      {occurrence.status === "cancelled" ? (
        <Alert tone="warning" title={t("cancelledTitle")}>
          {t("cancelledDescription", { count: cancelledMessages, title: event.title })}
        </Alert>
      ) : null}
      {editable ? (
        <div className="flex flex-wrap items-start gap-3">
          <OccurrenceControls
            instanceId={occurrence.id}
            startsLocal={occurrence.startsLocal}
            timeZone={event.timeZone}
            actions={{ cancel: actions.cancel, move: actions.move }}
          />
          {event.kind === "periodic" ? (
            <Link href={`/${orgSlug}/events/${event.id}/edit?from=${occurrence.id}`} className={buttonClasses("secondary")}>
              {t("changeFollowing")}
            </Link>
          ) : null}
        </div>
      ) : null}

      <StatGrid
        stats={[
          { label: t("stats.invited"), value: counts.rsvp.total },
          { label: t("stats.confirmed"), value: counts.rsvp.confirmed },
          { label: t("stats.pending"), value: counts.rsvp.pending },
          { label: t("stats.declined"), value: counts.rsvp.declined },
        ]}
      />

      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-[minmax(0,1fr)_24rem]">
        <SectionCard
          title={t("attendance")}
          description={t("journeyCounts", {
            arrived: counts.journey.arrived,
            onTheWay: counts.journey.on_the_way,
            noShow: counts.journey.no_show,
          })}
          aside={isLive ? <LiveBadge /> : null}
        >
          <AttendanceTable occurrence={occurrence} actions={{ issueLink, checkIn, undoCheckIn, setRsvp }} canCheckIn={can.checkIn} now={now} units={units} />
        </SectionCard>
        <SectionCard
          title={t("messages")}
          description={
            <>
              {t("messagesDescription")}{" "}
              <Link href={`/${orgSlug}/messages?occurrence=${occurrence.id}`} className="text-brand-700 hover:underline">
                {t("messagesLink")}
              </Link>
            </>
          }
        >
          <Timeline rows={timeline} timeZone={event.timeZone} />
        </SectionCard>
        {demo.whatsapp && can.checkIn && occurrence.attendances.length > 0 ? (
          <div className="2xl:col-start-2">
            <WhatsAppSimulator
              instanceId={occurrence.id}
              people={occurrence.attendances.map((a) => ({ attendanceId: a.id, name: a.name }))}
              reply={actions.reply}
            />
          </div>
        ) : null}
      </div>
    </div>
  );
}

