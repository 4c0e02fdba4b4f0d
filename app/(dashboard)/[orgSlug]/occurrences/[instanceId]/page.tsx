import type { Metadata } from "next";
import Link from "next/link";
import { SimulateButton } from "@/components/demo/simulate-button";
import { AttendanceTable, LiveBadge } from "@/components/occurrences/attendance-table";
import { OCCURRENCE_STATUS, formatLocalShort } from "@/components/occurrences/labels";
import { LiveRefresh } from "@/components/occurrences/live-refresh";
import { OccurrenceControls } from "@/components/occurrences/occurrence-controls";
import { Timeline } from "@/components/occurrences/timeline";
import { Alert } from "@/components/ui/alert";
import { WhatsAppSimulator } from "@/components/whatsapp/simulator-panel";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { env } from "@/lib/env";
import { countMessagesByStatus } from "@/lib/messages/list-messages";
import { getOccurrence } from "@/lib/occurrences/occurrences";
import { getOccurrenceTimeline } from "@/lib/occurrences/timeline";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";
import { can } from "@/lib/tenant/roles";

export const metadata: Metadata = { title: "Occurrence" };

export default async function OccurrencePage({ params }: { params: Promise<{ orgSlug: string; instanceId: string }> }) {
  const { orgSlug, instanceId } = await params;
  const ctx = await requirePageContext(orgSlug);
  const [occurrence, timeline, messageCounts] = await Promise.all([
    notFoundOnMissing(getOccurrence(ctx, instanceId)),
    notFoundOnMissing(getOccurrenceTimeline(ctx, instanceId)),
    notFoundOnMissing(countMessagesByStatus(ctx, instanceId)),
  ]);
  const failedMessages = messageCounts.failed ?? 0;
  const { event, counts } = occurrence;
  const status = OCCURRENCE_STATUS[occurrence.status]!;
  const cancelledMessages = timeline.filter((row) => row.status === "cancelled").length;
  const now = new Date();
  const editable = can(ctx.role, "events.write") && occurrence.status === "scheduled" && occurrence.startsAt > now;
  const { validFrom, validUntil } = occurrence.trackingWindow;
  const isLive = occurrence.status !== "cancelled" && validFrom <= now && now <= validUntil;

  return (
    <div className="space-y-6">
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
              <Link
                href={`/${orgSlug}/events/${event.id}/report?from=${occurrence.startsLocal.slice(0, 10)}&to=${occurrence.startsLocal.slice(0, 10)}`}
                className={buttonClasses("secondary")}
              >
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
      {occurrence.status !== "cancelled" ? <LiveRefresh from={validFrom.toISOString()} until={validUntil.toISOString()} /> : null}
      {isLive && env().mode === "embedded" && can(ctx.role, "live.checkIn") ? <SimulateButton orgSlug={orgSlug} instanceId={occurrence.id} /> : null}
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
          <OccurrenceControls orgSlug={orgSlug} instanceId={occurrence.id} startsLocal={occurrence.startsLocal} timeZone={event.timeZone} />
          {event.kind === "periodic" ? (
            <Link href={`/${orgSlug}/events/${event.id}/edit?from=${occurrence.id}`} className={buttonClasses("secondary")}>
              Change this and following
            </Link>
          ) : null}
        </div>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-4">
        <Stat label="Invited" value={counts.rsvp.total} />
        <Stat label="Confirmed" value={counts.rsvp.confirmed} />
        <Stat label="No answer yet" value={counts.rsvp.pending} />
        <Stat label="Declined" value={counts.rsvp.declined} />
      </div>

      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-[minmax(0,1fr)_24rem]">
        <Card>
          <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
            <div>
              <CardTitle>Attendance</CardTitle>
              <CardDescription>
                {counts.journey.arrived} arrived · {counts.journey.on_the_way} on the way · {counts.journey.no_show} no-show
              </CardDescription>
            </div>
            {isLive ? <LiveBadge /> : null}
          </CardHeader>
          <CardContent>
            <AttendanceTable orgSlug={orgSlug} occurrence={occurrence} canCheckIn={can(ctx.role, "live.checkIn")} now={now} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Messages</CardTitle>
            <CardDescription>
              What goes out over WhatsApp, to whom and when.{" "}
              <Link href={`/${orgSlug}/messages?occurrence=${occurrence.id}`} className="text-brand-700 hover:underline">
                Every message of this occurrence
              </Link>
            </CardDescription>
          </CardHeader>
          <CardContent>
            <Timeline rows={timeline} timeZone={event.timeZone} />
          </CardContent>
        </Card>
        {env().whatsapp === "log" && env().mode === "embedded" && can(ctx.role, "live.checkIn") && occurrence.attendances.length > 0 ? (
          <div className="2xl:col-start-2">
            <WhatsAppSimulator
              orgSlug={orgSlug}
              instanceId={occurrence.id}
              people={occurrence.attendances.map((a) => ({ attendanceId: a.id, name: a.name }))}
            />
          </div>
        ) : null}
      </div>
    </div>
  );
}
