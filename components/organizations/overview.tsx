import type { ComponentProps } from "react";
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
  return (
    <div className="space-y-8">
      <PageHeader title={org.name} description={`Times are shown in ${org.timeZone.replaceAll("_", " ")}.`} />
      <StatGrid
        stats={[
          { label: "Events", value: counts.events, icon: <CalendarIcon /> },
          { label: "Participants", value: counts.participants, icon: <UsersIcon /> },
          { label: "Team members", value: counts.members, icon: <BuildingIcon /> },
        ]}
      />

      {startDemo ? (
        <SectionCard title="See it live" description="This is the embedded demo: nothing leaves this machine.">
          <LiveDemoButton start={startDemo} />
        </SectionCard>
      ) : null}

      <SectionCard title="Events" description="One-off and recurring events, each with its own roster.">
        {events.length === 0 ? (
          <EmptyState
            icon={<CalendarIcon />}
            title="No events yet"
            description="An event is something people travel to: a school run, a shuttle, a meeting. Each one has a venue, a time and a roster of participants who get WhatsApp invitations."
          />
        ) : (
          <EventsTable orgSlug={org.slug} events={events} orgTimeZone={org.timeZone} />
        )}
      </SectionCard>

      <SectionCard
        title="Participants"
        description={`People invited over WhatsApp, known across events by their phone number${
          counts.participants > participants.length ? ` — the first ${participants.length} of ${counts.participants}` : ""
        }.`}
      >
        {participants.length === 0 ? (
          <EmptyState
            icon={<UsersIcon />}
            title="No participants yet"
            description="Participants are the people who come to your events. They confirm with one tap in WhatsApp and share their way here from a browser link — no app to install."
          />
        ) : (
          <ParticipantTable label="Participants" people={participants} columns={["phone", "guardianOf"]} />
        )}
      </SectionCard>
    </div>
  );
}
