import type { Metadata } from "next";
import Link from "next/link";
import { JOURNEY_LABELS, OCCURRENCE_STATUS, RSVP_LABELS, formatLocalShort } from "@/components/occurrences/labels";
import { OccurrenceControls } from "@/components/occurrences/occurrence-controls";
import { Timeline } from "@/components/occurrences/timeline";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { UsersIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getOccurrence } from "@/lib/occurrences/occurrences";
import { getOccurrenceTimeline } from "@/lib/schedule/timeline";
import { notFoundOnMissing, requirePageContext } from "@/lib/tenant/request-context";
import { can } from "@/lib/tenant/roles";

export const metadata: Metadata = { title: "Occurrence" };

export default async function OccurrencePage({ params }: { params: Promise<{ orgSlug: string; instanceId: string }> }) {
  const { orgSlug, instanceId } = await params;
  const ctx = await requirePageContext(orgSlug);
  const [occurrence, timeline] = await Promise.all([
    notFoundOnMissing(getOccurrence(ctx, instanceId)),
    notFoundOnMissing(getOccurrenceTimeline(ctx, instanceId)),
  ]);
  const { event, counts } = occurrence;
  const status = OCCURRENCE_STATUS[occurrence.status]!;
  const cancelledMessages = timeline.filter((row) => row.status === "cancelled").length;
  const editable = can(ctx.role, "events.write") && occurrence.status === "scheduled" && occurrence.startsAt > new Date();

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
          </div>
        }
      />
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

      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <Card>
          <CardHeader>
            <CardTitle>Attendance</CardTitle>
            <CardDescription>
              {counts.journey.arrived} arrived · {counts.journey.on_the_way} on the way · {counts.journey.no_show} no-show
            </CardDescription>
          </CardHeader>
          <CardContent>
            {occurrence.attendances.length === 0 ? (
              <EmptyState
                icon={<UsersIcon />}
                title="Nobody is invited yet"
                description="Add participants to the event's roster; they join every future occurrence."
              />
            ) : (
              <Table>
                <THead>
                  <TR>
                    <TH>Participant</TH>
                    <TH>Answer</TH>
                    <TH>Journey</TH>
                  </TR>
                </THead>
                <TBody>
                  {occurrence.attendances.map((a) => (
                    <TR key={a.id}>
                      <TD>
                        <span className="font-medium text-slate-900">{a.name}</span>
                        {a.optedOutAt ? <Badge tone="warning" className="ml-2">Opted out</Badge> : null}
                        <span className="block text-xs text-slate-500">{a.guardianOf ?? a.phone}</span>
                      </TD>
                      <TD>
                        <Badge tone={a.rsvp === "confirmed" ? "success" : a.rsvp === "declined" ? "danger" : "neutral"}>
                          {RSVP_LABELS[a.rsvp]}
                        </Badge>
                      </TD>
                      <TD>{JOURNEY_LABELS[a.journey]}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Messages</CardTitle>
            <CardDescription>What goes out over WhatsApp, to whom and when.</CardDescription>
          </CardHeader>
          <CardContent>
            <Timeline rows={timeline} timeZone={event.timeZone} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
