import type { Metadata } from "next";
import Link from "next/link";
import { AddParticipantForm } from "@/components/participants/add-participant-form";
import { countryName, formatPhone } from "@/components/participants/format-phone";
import { DownloadIcon, UploadIcon, ChevronRightIcon } from "@/components/ui/icons";
import { Pagination, SearchForm } from "@/components/participants/list-controls";
import { RosterCounts } from "@/components/participants/roster-counts";
import { AddExistingParticipantForm } from "@/components/participants/roster-actions";
import { RosterEmptyState } from "@/components/participants/roster-empty-state";
import { filterRoster, pageOf } from "@/components/participants/roster-filter";
import { RosterTable } from "@/components/participants/roster-table";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getEvent } from "@/lib/events/read-events";
import { listParticipants, listRoster } from "@/lib/participants/participants";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";
import { can } from "@/lib/tenant/roles";

export const metadata: Metadata = { title: "Roster" };

type SearchParams = { q?: string | string[]; page?: string | string[] };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function RosterPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string; eventId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { orgSlug, eventId } = await params;
  const query = await searchParams;
  const q = first(query.q).trim().slice(0, 200);
  const ctx = await requirePageContext(orgSlug);
  const event = await notFoundOnMissing(getEvent(ctx, eventId));
  const canWrite = can(ctx.role, "participants.write");
  const [roster, others] = await Promise.all([
    listRoster(ctx, event.id),
    canWrite ? listParticipants(ctx, { notOnEventId: event.id, limit: 1000 }) : [],
  ]);
  const base = `/${orgSlug}/events/${event.id}`;
  const matches = filterRoster(roster, q);
  const shown = pageOf(matches, Number(first(query.page) || 1));
  const pageHref = (page: number) => `${base}/roster?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`;
  const country = ctx.org.defaultCountry;

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href={base} className="inline-flex items-center gap-1 hover:underline">
            {event.title} <ChevronRightIcon size={14} />
          </Link>
        }
        title="Roster"
        description={`Who takes part in ${event.title} (${event.summary}). Everyone here gets its WhatsApp messages.`}
        actions={
          <>
            {roster.length > 0 ? (
              <a href={`${base}/roster/export`} download className={buttonClasses("secondary")}>
                <DownloadIcon /> Export CSV
              </a>
            ) : null}
            {canWrite ? (
              <Link href={`${base}/import`} className={buttonClasses("primary")}>
                <UploadIcon /> Import from CSV
              </Link>
            ) : null}
          </>
        }
      />

      {roster.length > 0 ? <RosterCounts roster={roster} /> : null}

      {canWrite ? (
        <Card>
          <CardHeader>
            <CardTitle>Add participant</CardTitle>
            <CardDescription>
              {others.length > 0
                ? "Someone new, or someone you already have from another event (pick them below: one phone number is one person)."
                : "They get this event's messages from the next occurrence on."}
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-5">
            <AddParticipantForm
              orgSlug={orgSlug}
              eventId={event.id}
              countryHint={`${countryName(country)} unless it starts with +`}
            />
            {others.length > 0 ? (
              <div className="border-t border-slate-200 pt-5">
                <AddExistingParticipantForm
                  orgSlug={orgSlug}
                  eventId={event.id}
                  people={others.map((p) => ({ id: p.id, label: `${p.name} · ${formatPhone(p.phone)}` }))}
                />
              </div>
            ) : null}
          </CardContent>
        </Card>
      ) : null}

      {roster.length === 0 ? (
        <RosterEmptyState importHref={`${base}/import`} canWrite={canWrite} />
      ) : (
        <section aria-label="Participants on the roster" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <SearchForm q={q} clearHref={`${base}/roster`} label="Search the roster" placeholder="Name, phone or e-mail" />
            <p className="text-sm text-slate-600" aria-live="polite">
              {matches.length === 0
                ? `No one on the roster matches “${q}”.`
                : `${shown.from.toLocaleString("en")}–${shown.to.toLocaleString("en")} of ${matches.length.toLocaleString("en")}${q ? ` matching “${q}”` : ""}`}
            </p>
          </div>
          {shown.rows.length > 0 ? (
            <RosterTable orgSlug={orgSlug} eventId={event.id} roster={shown.rows} canWrite={canWrite} timeZone={ctx.org.timeZone} />
          ) : null}
          <Pagination page={shown.page} pages={shown.pages} href={pageHref} />
        </section>
      )}
    </div>
  );
}
