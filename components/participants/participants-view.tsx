import Link from "next/link";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("participants.list");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <SearchForm q={q} clearHref={`/${orgSlug}/participants`} label={t("searchLabel")} placeholder={t("searchPlaceholder")} />

      {people.length === 0 ? (
        q ? (
          <EmptyState icon={<SearchIcon />} title={t("noMatchTitle", { q })} description={t("noMatchDescription")} />
        ) : (
          <EmptyState
            icon={<UsersIcon />}
            title={t("emptyTitle")}
            description={t("emptyDescription")}
            action={
              <Link href={`/${orgSlug}/events`} className={buttonClasses("primary")}>
                <CalendarIcon /> {t("goToEvents")}
              </Link>
            }
          />
        )
      ) : (
        <div className="space-y-2">
          <p className="text-sm text-slate-600" aria-live="polite">
            {people.length === limit
              ? t("firstMatches", { limit, searching: q ? "yes" : "no" })
              : t("count", { count: people.length, q, searching: q ? "yes" : "no" })}
          </p>
          <ParticipantTable
            label={t("tableLabel")}
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
