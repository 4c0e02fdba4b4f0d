import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { zoneName } from "@/components/dashboard/format";
import { LiveDemoButton } from "@/components/demo/live-demo-button";
import { EventsTable } from "@/components/events/events-table";
import { ParticipantTable, type ParticipantRow } from "@/components/participants/participant-table";
import { EmptyState } from "@/components/ui/empty-state";
import { BuildingIcon, CalendarIcon, UsersIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { StatGrid } from "@/components/ui/stat";
import type { FormAction } from "@/lib/http/action-result";

type Props = {
  org: { slug: string; name: string; timeZone: string };
  counts: { events: number; participants: number; members: number };
  events: ComponentProps<typeof EventsTable>["events"];
  /** The first few, by name. */
  participants: ParticipantRow[];
  /** The embedded demo, for those who may create events: starts a live demo. */
  startDemo: FormAction | null;
};

/** The organization at a glance: counts, its events and its first participants. */
export function Overview({ org, counts, events, participants, startDemo }: Props) {
  const t = useTranslations("overview");
  return (
    <div className="space-y-8">
      <PageHeader title={org.name} description={t("timesIn", { zone: zoneName(org.timeZone) })} />
      <StatGrid
        stats={[
          { label: t("stats.events"), value: counts.events, icon: <CalendarIcon /> },
          { label: t("stats.participants"), value: counts.participants, icon: <UsersIcon /> },
          { label: t("stats.members"), value: counts.members, icon: <BuildingIcon /> },
        ]}
      />

      {startDemo ? (
        <SectionCard title={t("demo.title")} description={t("demo.description")}>
          <LiveDemoButton start={startDemo} />
        </SectionCard>
      ) : null}

      <SectionCard title={t("events.title")} description={t("events.description")}>
        {events.length === 0 ? (
          <EmptyState icon={<CalendarIcon />} title={t("events.emptyTitle")} description={t("events.emptyDescription")} />
        ) : (
          <EventsTable orgSlug={org.slug} events={events} orgTimeZone={org.timeZone} />
        )}
      </SectionCard>

      <SectionCard
        title={t("participants.title")}
        description={
          counts.participants > participants.length
            ? t("participants.descriptionFirst", { shown: participants.length, total: counts.participants })
            : t("participants.description")
        }
      >
        {participants.length === 0 ? (
          <EmptyState icon={<UsersIcon />} title={t("participants.emptyTitle")} description={t("participants.emptyDescription")} />
        ) : (
          <ParticipantTable label={t("participants.title")} people={participants} columns={["phone", "guardianOf"]} />
        )}
      </SectionCard>
    </div>
  );
}
