import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { ChevronRightIcon, DownloadIcon, UploadIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import type { FormAction } from "@/lib/http/action-result";
import type { RosterEntry } from "@/lib/participants/roster";
import { Pagination, SearchForm } from "./list-controls";
import { EditParticipantLink } from "./participant-cells";
import { ParticipantTable } from "./participant-table";
import { RemoveFromRosterForm } from "./roster-actions";
import { RosterAddCard } from "./roster-add-card";
import { RosterCounts } from "./roster-counts";
import { RosterEmptyState } from "./roster-empty-state";
import { filterRoster, pageOf } from "./roster-filter";

type Props = {
  orgSlug: string;
  event: { id: string; title: string; summary: string };
  roster: RosterEntry[];
  /** The search (`?q=`) and the page asked for. */
  q: string;
  page: number;
  org: { timeZone: string; defaultCountry: string; language: string };
  /** A manager's: who else is in the organization, and the roster's actions; null for everyone else. */
  manage: { others: { id: string; name: string; phone: string }[]; addNew: FormAction; addExisting: FormAction; remove: FormAction } | null;
};

/** Who takes part in an event: counts, adding people, and the roster searched and paged. */
export function RosterView({ orgSlug, event, roster, q, page, org, manage }: Props) {
  const t = useTranslations("roster.page");
  const base = `/${orgSlug}/events/${event.id}`;
  const matches = filterRoster(roster, q);
  const shown = pageOf(matches, page);
  const pageHref = (n: number) => `${base}/roster?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  const editFrom = encodeURIComponent(`${base}/roster`);

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href={base} className="inline-flex items-center gap-1 hover:underline">
            {event.title} <ChevronRightIcon size={14} />
          </Link>
        }
        title={t("title")}
        description={t("description", { event: event.title, summary: event.summary })}
        actions={
          <>
            {roster.length > 0 ? (
              <a href={`${base}/roster/export`} download className={buttonClasses("secondary")}>
                <DownloadIcon /> {t("export")}
              </a>
            ) : null}
            {manage ? (
              <Link href={`${base}/import`} className={buttonClasses("primary")}>
                <UploadIcon /> {t("import")}
              </Link>
            ) : null}
          </>
        }
      />

      {roster.length > 0 ? <RosterCounts roster={roster} /> : null}

      {manage ? <RosterAddCard eventId={event.id} org={org} others={manage.others} actions={manage} /> : null}

      {roster.length === 0 ? (
        <RosterEmptyState importHref={`${base}/import`} canWrite={manage !== null} />
      ) : (
        <section aria-label={t("sectionLabel")} className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <SearchForm q={q} clearHref={`${base}/roster`} label={t("searchLabel")} placeholder={t("searchPlaceholder")} />
            <p className="text-sm text-slate-600" aria-live="polite">
              {matches.length === 0
                ? t("noMatch", { q })
                : t("showing", { from: shown.from, to: shown.to, total: matches.length, q, searching: q ? "yes" : "no" })}
            </p>
          </div>
          {shown.rows.length > 0 ? (
            <ParticipantTable
              label={t("tableLabel")}
              people={shown.rows.map((entry) => ({ ...entry, id: entry.participantId }))}
              columns={["contact", "guardianOf", "added"]}
              timeZone={org.timeZone}
              rowTestId="roster-row"
              rowActions={
                manage
                  ? (p) => (
                      <>
                        <EditParticipantLink href={`/${orgSlug}/participants/${p.id}?from=${editFrom}`} name={p.name} />
                        <RemoveFromRosterForm eventId={event.id} participantId={p.id} name={p.name} remove={manage.remove} />
                      </>
                    )
                  : undefined
              }
            />
          ) : null}
          <Pagination page={shown.page} pages={shown.pages} href={pageHref} />
        </section>
      )}
    </div>
  );
}
