import Link from "next/link";
import type { ComponentProps } from "react";
import { SimulateButton } from "@/components/demo/simulate-button";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/section-card";
import { StatGrid } from "@/components/ui/stat";
import { WhatsAppSimulator } from "@/components/whatsapp/simulator-panel";
import type { FormAction } from "@/lib/http/action-result";
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
  can: { write: boolean; checkIn: boolean };
  /** Embedded mode: the demo's movement simulator, and (with the log transport) the WhatsApp simulator. */
  demo: { simulate: boolean; whatsapp: boolean };
  actions: OccurrenceActions;
};

/** One occurrence: its state and controls, who answered, who is where, and what went out over WhatsApp. */
export function OccurrenceView({ orgSlug, occurrence, timeline, failedMessages, now, can, demo, actions }: Props) {
  const { event, counts } = occurrence;
  const { issueLink, checkIn, undoCheckIn, setRsvp } = actions;
  const cancelledMessages = timeline.filter((row) => row.status === "cancelled").length;
  const editable = can.write && occurrence.status === "scheduled" && occurrence.startsAt > now;
  const { validFrom, validUntil } = occurrence.trackingWindow;
  const isLive = occurrence.status !== "cancelled" && validFrom <= now && now <= validUntil;

  return (
    <div className="space-y-6">
      <OccurrenceHeader orgSlug={orgSlug} occurrence={occurrence} now={now} isLive={isLive} />
      {occurrence.status !== "cancelled" ? <LiveRefresh from={validFrom.toISOString()} until={validUntil.toISOString()} /> : null}
      {isLive && demo.simulate && can.checkIn ? <SimulateButton instanceId={occurrence.id} start={actions.simulate} /> : null}
      {failedMessages > 0 ? (
        <Alert tone="danger" title={`${failedMessages} WhatsApp message${failedMessages === 1 ? "" : "s"} could not be sent`}>
          <Link href={`/${orgSlug}/messages?occurrence=${occurrence.id}&status=failed`} className="font-medium underline">
            See who and why
          </Link>
        </Alert>
      ) : null}
      {occurrence.status === "cancelled" ? (
        <Alert tone="warning" title="This occurrence is cancelled">
          Nobody gets its messages: {cancelledMessages} planned message{cancelledMessages === 1 ? " was" : "s were"}{" "}
          cancelled. Other occurrences of {event.title} are not affected.
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
              Change this and following
            </Link>
          ) : null}
        </div>
      ) : null}

      <StatGrid
        stats={[
          { label: "Invited", value: counts.rsvp.total },
          { label: "Confirmed", value: counts.rsvp.confirmed },
          { label: "No answer yet", value: counts.rsvp.pending },
          { label: "Declined", value: counts.rsvp.declined },
        ]}
      />

      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-[minmax(0,1fr)_24rem]">
        <SectionCard
          title="Attendance"
          description={`${counts.journey.arrived} arrived · ${counts.journey.on_the_way} on the way · ${counts.journey.no_show} no-show`}
          aside={isLive ? <LiveBadge /> : null}
        >
          <AttendanceTable occurrence={occurrence} actions={{ issueLink, checkIn, undoCheckIn, setRsvp }} canCheckIn={can.checkIn} now={now} />
        </SectionCard>
        <SectionCard
          title="Messages"
          description={
            <>
              What goes out over WhatsApp, to whom and when.{" "}
              <Link href={`/${orgSlug}/messages?occurrence=${occurrence.id}`} className="text-brand-700 hover:underline">
                Every message of this occurrence
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

