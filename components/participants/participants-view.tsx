import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { CalendarIcon, SearchIcon, UsersIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import type { FormAction } from "@/lib/http/action-result";
import { DeleteParticipantForm } from "./delete-participant-form";
import { SearchForm } from "./list-controls";
import { EditParticipantLink } from "./participant-cells";
import { ParticipantTable, type ParticipantRow } from "./participant-table";

type Props = {
  orgSlug: string;
  /** The search (`?q=`), and what it found up to `limit`. */
  q: string;
  people: ParticipantRow[];
  limit: number;
  /** A manager's delete; null for everyone else. */
  remove: FormAction | null;
};

/** Everyone in the organization, searched by name or phone. */
export function ParticipantsView({ orgSlug, q, people, limit, remove }: Props) {
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
            {people.length === limit
              ? `Showing the first ${limit}${q ? " matches" : ""}. Search to narrow the list.`
              : `${people.length} ${people.length === 1 ? "person" : "people"}${q ? ` matching “${q}”` : ""}.`}
          </p>
          <ParticipantTable
            label="Participants"
            people={people}
            columns={["phone", "email", "guardianOf"]}
            rowTestId="participant-row"
            rowActions={
              remove
                ? (p) => (
                    <>
                      <EditParticipantLink href={`/${orgSlug}/participants/${p.id}`} name={p.name} />
                      <DeleteParticipantForm remove={remove} participantId={p.id} name={p.name} />
                    </>
                  )
                : undefined
            }
          />
        </div>
      )}
    </div>
  );
}
