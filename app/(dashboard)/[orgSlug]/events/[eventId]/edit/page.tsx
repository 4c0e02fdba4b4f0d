import type { Metadata } from "next";
import { Forbidden } from "@/components/dashboard/forbidden";
import { EventForm } from "@/components/events/event-form";
import { eventValues } from "@/components/events/event-form-values";
import { PageHeader } from "@/components/ui/page-header";
import { getEvent } from "@/lib/events/read-events";
import { getOccurrence } from "@/lib/occurrences/occurrences";
import { listTimeZones } from "@/lib/organizations/time-zones";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";
import { CAPABILITIES, can } from "@/lib/tenant/roles";
import { saveEventAction } from "../../actions";

export const metadata: Metadata = { title: "Edit event" };

type Props = { params: Promise<{ orgSlug: string; eventId: string }>; searchParams: Promise<{ from?: string }> };

/** `?from=<occurrence id>` edits "this and following": the series is split at that occurrence. */
export default async function EditEventPage({ params, searchParams }: Props) {
  const { orgSlug, eventId } = await params;
  const { from } = await searchParams;
  const ctx = await requirePageContext(orgSlug);
  if (!can(ctx.role, "events.write")) return <Forbidden role={ctx.role} needs={CAPABILITIES["events.write"]} />;
  const event = await notFoundOnMissing(getEvent(ctx, eventId));
  const split = from ? await notFoundOnMissing(getOccurrence(ctx, from)) : null;
  const initial = eventValues(event);
  if (split) {
    initial.date = split.startsLocal.slice(0, 10);
    initial.time = split.startsLocal.slice(11, 16);
  }
  return (
    <div className="space-y-6">
      <PageHeader
        title={split ? `Change ${event.title} from ${split.startsLocal.slice(0, 10)} on` : `Edit ${event.title}`}
        description={
          split
            ? "Occurrences before this date keep the old settings; from this one on, the event follows what you save here."
            : "Changing the time or rule re-plans future occurrences nothing has happened to yet; the rest stay as they are."
        }
      />
      <EventForm
        save={saveEventAction.bind(null, orgSlug)}
        target={{ eventId: event.id, fromInstanceId: split?.id }}
        initial={initial}
        timeZones={listTimeZones()}
      />
    </div>
  );
}
