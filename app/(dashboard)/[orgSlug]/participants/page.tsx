import type { Metadata } from "next";
import Link from "next/link";
import { SearchIcon, CalendarIcon, UsersIcon } from "@/components/ui/icons";
import { SearchForm } from "@/components/participants/list-controls";
import { ParticipantsTable } from "@/components/participants/participants-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listParticipants } from "@/lib/participants/participants";
import { requirePageContext } from "@/lib/auth/request-context";
import { can } from "@/lib/tenant/roles";

export const metadata: Metadata = { title: "Participants" };

const LIMIT = 200;

export default async function ParticipantsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const { orgSlug } = await params;
  const rawQ = (await searchParams).q;
  const q = (Array.isArray(rawQ) ? rawQ[0] : rawQ)?.trim().slice(0, 200) ?? "";
  const ctx = await requirePageContext(orgSlug);
  const people = await listParticipants(ctx, { search: q || undefined, limit: LIMIT });
  const canWrite = can(ctx.role, "participants.write");

  return (
    <div className="space-y-6">
      <PageHeader
        title="Participants"
        description="Everyone on any of your rosters. A phone number identifies one person, so someone on several events appears here once."
      />
      <SearchForm q={q} clearHref={`/${orgSlug}/participants`} label="Search participants" placeholder="Name or phone number" />

      {people.length === 0 ? (
        q ? (
          <EmptyState
            icon={<SearchIcon />}
            title={`No one matches “${q}”`}
            description="Search looks at names and phone numbers. Try part of a name, or the last digits of a number."
          />
        ) : (
          <EmptyState
            icon={<UsersIcon />}
            title="No participants yet"
            description="People join your organization when you add them to an event's roster, by hand or from a CSV file. Open an event and go to its roster to start."
            action={
              <Link href={`/${orgSlug}/events`} className={buttonClasses("primary")}>
                <CalendarIcon /> Go to events
              </Link>
            }
          />
        )
      ) : (
        <div className="space-y-2">
          <p className="text-sm text-slate-600" aria-live="polite">
            {people.length === LIMIT
              ? `Showing the first ${LIMIT}${q ? " matches" : ""}. Search to narrow the list.`
              : `${people.length} ${people.length === 1 ? "person" : "people"}${q ? ` matching “${q}”` : ""}.`}
          </p>
          <ParticipantsTable orgSlug={orgSlug} people={people} canWrite={canWrite} />
        </div>
      )}
    </div>
  );
}
