import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RosterView } from "@/components/participants/roster-view";
import { getEvent } from "@/lib/events/read-events";
import { describeTiming } from "@/lib/recurrence/rrule-text";
import { bindOrgActions } from "@/lib/adapters";
import { listParticipants, listRoster } from "@/lib/participants/participants";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";
import { can } from "@/lib/tenant/roles";
import { addExistingParticipantAction, addNewParticipantAction, removeFromRosterAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roster.page");
  return { title: t("title") };
}

type Props = {
  params: Promise<{ orgSlug: string; eventId: string }>;
  searchParams: Promise<{ q?: string | string[]; page?: string | string[] }>;
};
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function RosterPage({ params, searchParams }: Props) {
  const { orgSlug, eventId } = await params;
  const query = await searchParams;
  const ctx = await requirePageContext(orgSlug);
  const event = await notFoundOnMissing(getEvent(ctx, eventId));
  const canWrite = can(ctx.role, "participants.write");
  const recurrence = await getTranslations("recurrence");
  const [roster, others] = await Promise.all([
    listRoster(ctx, event.id, await getLocale()),
    canWrite ? listParticipants(ctx, { notOnEventId: event.id, limit: 1000 }) : [],
  ]);
  const actions = bindOrgActions(orgSlug, {
    addNew: addNewParticipantAction,
    addExisting: addExistingParticipantAction,
    remove: removeFromRosterAction,
  });
  return (
    <RosterView
      orgSlug={orgSlug}
      event={{ ...event, summary: describeTiming(recurrence, await getFormatter(), event) }}
      roster={roster}
      q={first(query.q).trim().slice(0, 200)}
      page={Number(first(query.page) || 1)}
      org={ctx.org}
      manage={canWrite ? { others, ...actions } : null}
    />
  );
}
