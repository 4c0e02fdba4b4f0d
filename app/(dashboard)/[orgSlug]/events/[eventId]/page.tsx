import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EventView } from "@/components/events/event-view";
import { getEvent } from "@/lib/events/read-events";
import { bindOrgActions } from "@/lib/adapters";
import { getEventFeed } from "@/lib/calendar";
import { listUpcomingOccurrences } from "@/lib/occurrences/occurrences";
import { getAttendanceReport } from "@/lib/reports/attendance-report";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";
import { can } from "@/lib/tenant/roles";
import { archiveEventAction, deleteEventAction } from "../actions";
import { regenerateEventFeedAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("events.view");
  return { title: t("metaTitle") };
}

/** Held occurrences shown on the page; the report has the rest. */
const RECENT_SHOWN = 5;

export default async function EventPage({ params }: { params: Promise<{ orgSlug: string; eventId: string }> }) {
  const { orgSlug, eventId } = await params;
  const ctx = await requirePageContext(orgSlug);
  const event = await notFoundOnMissing(getEvent(ctx, eventId));
  const [upcoming, report, feed] = await Promise.all([
    listUpcomingOccurrences(ctx, { eventId: event.id, limit: 20 }),
    getAttendanceReport(ctx, { eventId: event.id }),
    getEventFeed(ctx, { eventId: event.id }),
  ]);
  const manager = can(ctx.role, "events.write");
  return (
    <EventView
      orgSlug={orgSlug}
      event={event}
      upcoming={upcoming}
      recent={report.occurrences.slice(-RECENT_SHOWN).reverse()}
      manage={manager ? bindOrgActions(orgSlug, { archive: archiveEventAction, remove: deleteEventAction }) : null}
      calendar={{
        feed,
        regenerate: manager
          ? { action: bindOrgActions(orgSlug, { regenerateEventFeedAction }).regenerateEventFeedAction, fields: { eventId: event.id } }
          : null,
      }}
    />
  );
}
