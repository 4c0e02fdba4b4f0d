import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/dashboard/format";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CalendarIcon, PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listEvents } from "@/lib/events/read-events";
import { requirePageContext } from "@/lib/auth/request-context";
import { can } from "@/lib/tenant/roles";
import { cn } from "@/lib/utils/cn";

export const metadata: Metadata = { title: "Events" };

export default async function EventsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ status?: string }>;
}) {
  const { orgSlug } = await params;
  const status = (await searchParams).status === "archived" ? "archived" : "active";
  const ctx = await requirePageContext(orgSlug);
  const events = await listEvents(ctx, { status });
  const canWrite = can(ctx.role, "events.write");

  return (
    <div className="space-y-6">
      <PageHeader
        title="Events"
        description="Each event has a venue, a time or a repeating rule, a roster and a message schedule."
        actions={
          canWrite ? (
            <Link href={`/${orgSlug}/events/new`} className={buttonClasses("primary")}>
              <PlusIcon /> New event
            </Link>
          ) : null
        }
      />
      <nav aria-label="Event status" className="flex gap-2">
        {(["active", "archived"] as const).map((s) => (
          <Link
            key={s}
            href={s === "active" ? `/${orgSlug}/events` : `/${orgSlug}/events?status=archived`}
            aria-current={s === status ? "page" : undefined}
            className={cn(
              "rounded-full px-3 py-1 text-sm font-medium",
              s === status ? "bg-brand-700 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50",
            )}
          >
            {s === "active" ? "Active" : "Archived"}
          </Link>
        ))}
      </nav>
      <Card>
        <CardContent className="pt-5">
          {events.length === 0 ? (
            <EmptyState
              icon={<CalendarIcon />}
              title={status === "active" ? "No events yet" : "No archived events"}
              description={
                status === "active"
                  ? "Create a recurring event (a school run every weekday) or a one-off (a parents' evening). Then add participants to its roster, from a CSV file if you have a list."
                  : "Archived events keep their history but plan no new occurrences."
              }
              action={
                canWrite && status === "active" ? (
                  <Link href={`/${orgSlug}/events/new`} className={buttonClasses("primary")}>
                    <PlusIcon /> Create your first event
                  </Link>
                ) : null
              }
            />
          ) : (
            <Table>
              <THead>
                <TR>
                  <TH>Event</TH>
                  <TH>When</TH>
                  <TH>Next</TH>
                  <TH>Venue</TH>
                  <TH className="text-right">Roster</TH>
                </TR>
              </THead>
              <TBody>
                {events.map((event) => (
                  <TR key={event.id}>
                    <TD>
                      <Link href={`/${orgSlug}/events/${event.id}`} className="font-medium text-brand-800 hover:underline">
                        {event.title}
                      </Link>{" "}
                      <Badge tone={event.kind === "periodic" ? "brand" : "neutral"}>{event.kind === "periodic" ? "Recurring" : "One-off"}</Badge>
                    </TD>
                    <TD className="whitespace-normal">{event.summary}</TD>
                    <TD>{event.nextStartsAt ? formatDateTime(event.nextStartsAt, event.timeZone) : "—"}</TD>
                    <TD>{event.venueName}</TD>
                    <TD className="text-right tabular-nums">{event.rosterSize}</TD>
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
