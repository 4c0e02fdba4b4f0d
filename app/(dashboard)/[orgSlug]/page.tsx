import type { Metadata } from "next";
import Link from "next/link";
import { LiveDemoButton } from "@/components/demo/live-demo-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CalendarIcon, UsersIcon, BuildingIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { env } from "@/lib/env";
import { listEvents } from "@/lib/events/read-events";
import { getOrganizationCounts } from "@/lib/organizations/get-overview";
import { listParticipants } from "@/lib/participants/list-participants";
import { requirePageContext } from "@/lib/auth/request-context";
import { can } from "@/lib/tenant/roles";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const ctx = await requirePageContext((await params).orgSlug);
  const [counts, events, participants] = await Promise.all([
    getOrganizationCounts(ctx),
    listEvents(ctx, { status: "active" }),
    listParticipants(ctx, { limit: 8 }),
  ]);

  return (
    <div className="space-y-8">
      <PageHeader title={ctx.org.name} description={`Times are shown in ${ctx.org.timeZone.replaceAll("_", " ")}.`} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Events" value={counts.events} icon={<CalendarIcon />} />
        <Stat label="Participants" value={counts.participants} icon={<UsersIcon />} />
        <Stat label="Team members" value={counts.members} icon={<BuildingIcon />} />
      </div>

      {env().mode === "embedded" && can(ctx.role, "events.write") ? (
        <Card>
          <CardHeader>
            <CardTitle>See it live</CardTitle>
            <CardDescription>This is the embedded demo: nothing leaves this machine.</CardDescription>
          </CardHeader>
          <CardContent>
            <LiveDemoButton orgSlug={ctx.org.slug} />
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Events</CardTitle>
          <CardDescription>One-off and recurring events, each with its own roster.</CardDescription>
        </CardHeader>
        <CardContent>
          {events.length === 0 ? (
            <EmptyState
              icon={<CalendarIcon />}
              title="No events yet"
              description="An event is something people travel to: a school run, a shuttle, a meeting. Each one has a venue, a time and a roster of participants who get WhatsApp invitations."
            />
          ) : (
            <Table>
              <THead>
                <TR>
                  <TH>Event</TH>
                  <TH>Kind</TH>
                  <TH>When</TH>
                  <TH>Venue</TH>
                  <TH className="text-right">Roster</TH>
                </TR>
              </THead>
              <TBody>
                {events.map((event) => (
                  <TR key={event.id}>
                    <TD>
                      <Link href={`/${ctx.org.slug}/events/${event.id}`} className="font-medium text-brand-800 hover:underline">
                        {event.title}
                      </Link>
                    </TD>
                    <TD>
                      <Badge tone={event.kind === "periodic" ? "brand" : "neutral"}>
                        {event.kind === "periodic" ? "Recurring" : "One-off"}
                      </Badge>
                    </TD>
                    <TD className="whitespace-normal">
                      {event.summary}
                      {event.timeZone !== ctx.org.timeZone ? ` (${event.timeZone})` : ""}
                    </TD>
                    <TD>{event.venueName}</TD>
                    <TD className="text-right tabular-nums">{event.rosterSize}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Participants</CardTitle>
          <CardDescription>
            People invited over WhatsApp, known across events by their phone number
            {counts.participants > participants.length ? ` — the first ${participants.length} of ${counts.participants}` : ""}.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {participants.length === 0 ? (
            <EmptyState
              icon={<UsersIcon />}
              title="No participants yet"
              description="Participants are the people who come to your events. They confirm with one tap in WhatsApp and share their way here from a browser link — no app to install."
            />
          ) : (
            <Table>
              <THead>
                <TR>
                  <TH>Name</TH>
                  <TH>Phone</TH>
                  <TH>Note</TH>
                  <TH>Messages</TH>
                </TR>
              </THead>
              <TBody>
                {participants.map((p) => (
                  <TR key={p.id}>
                    <TD className="font-medium text-slate-900">{p.name}</TD>
                    <TD className="tabular-nums">{p.phone}</TD>
                    <TD>{p.guardianOf ?? "—"}</TD>
                    <TD>{p.optedOutAt ? <Badge tone="warning">Opted out</Badge> : <Badge tone="success">Subscribed</Badge>}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
