import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { CalendarIcon, PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { cn } from "@/lib/utils/cn";
import { EventsTable } from "./events-table";

type Props = {
  orgSlug: string;
  orgTimeZone: string;
  status: "active" | "archived";
  events: Parameters<typeof EventsTable>[0]["events"];
  canWrite: boolean;
};

/** The events page: active or archived events, and the way to a new one. */
export function EventList({ orgSlug, orgTimeZone, status, events, canWrite }: Props) {
  const t = useTranslations("events.list");
  const newEvent = (label: string) => (
    <Link href={`/${orgSlug}/events/new`} className={buttonClasses("primary")}>
      <PlusIcon /> {label}
    </Link>
  );
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} actions={canWrite ? newEvent(t("new")) : null} />
      <nav aria-label={t("statusNav")} className="flex gap-2">
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
            {s === "active" ? t("active") : t("archived")}
          </Link>
        ))}
      </nav>
      <SectionCard contentClassName="pt-5">
        {events.length === 0 ? (
          <EmptyState
            icon={<CalendarIcon />}
            title={status === "active" ? t("emptyTitle") : t("emptyArchivedTitle")}
            description={status === "active" ? t("emptyDescription") : t("emptyArchivedDescription")}
            action={canWrite && status === "active" ? newEvent(t("createFirst")) : null}
          />
        ) : (
          <EventsTable orgSlug={orgSlug} events={events} orgTimeZone={orgTimeZone} showNext />
        )}
      </SectionCard>
    </div>
  );
}
