import type { Metadata } from "next";
import { OCCURRENCE_STATUS } from "@/components/occurrences/labels";
import { OccurrenceTable } from "@/components/occurrences/occurrence-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ClockIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { Select } from "@/components/ui/select";
import { listEvents } from "@/lib/events/read-events";
import { listUpcomingOccurrences } from "@/lib/occurrences/occurrences";
import { OCCURRENCE_STATUSES } from "@/lib/occurrences/schemas";
import { instantToLocal } from "@/lib/recurrence/expand";
import { requirePageContext } from "@/lib/auth/request-context";

export const metadata: Metadata = { title: "Upcoming" };

type Search = { event?: string; status?: string };

export default async function UpcomingPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Search> }) {
  const { orgSlug } = await params;
  const search = await searchParams;
  const ctx = await requirePageContext(orgSlug);
  const events = await listEvents(ctx, { status: "active" });
  const eventId = events.some((e) => e.id === search.event) ? search.event : undefined;
  const status = OCCURRENCE_STATUSES.find((s) => s === search.status);
  const occurrences = await listUpcomingOccurrences(ctx, { eventId, status, limit: 100 });
  const today = instantToLocal(new Date(), ctx.org.timeZone).slice(0, 10);

  return (
    <div className="space-y-6">
      <PageHeader title="Upcoming" description="Every planned occurrence of every event, today first." />
      <form className="flex flex-wrap items-end gap-3" aria-label="Filter occurrences">
        <label className="text-sm font-medium text-slate-700">
          Event
          <Select name="event" defaultValue={eventId ?? ""} wrapperClassName="mt-1 w-64">
            <option value="">All events</option>
            {events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          Status
          <Select name="status" defaultValue={status ?? ""} wrapperClassName="mt-1 w-44">
            <option value="">Any status</option>
            {OCCURRENCE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {OCCURRENCE_STATUS[s]!.label}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <SectionCard contentClassName="pt-5">
        {occurrences.length === 0 ? (
          <EmptyState
            icon={<ClockIcon />}
            title="Nothing planned"
            description={
              events.length === 0
                ? "Occurrences appear here once you create an event: one row per date it happens, with who confirmed and which messages are still to go out."
                : "No occurrence matches these filters from today on."
            }
          />
        ) : (
          <OccurrenceTable orgSlug={orgSlug} occurrences={occurrences} showEvent today={today} />
        )}
      </SectionCard>
    </div>
  );
}
