import type { ComponentProps } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import type { FormAction } from "@/lib/http/action-result";
import { ActivityTable } from "./activity-table";
import { OrganizationSettingsForm } from "./organization-settings-form";
import { WhatsAppTemplates } from "./whatsapp-templates";

type Props = {
  org: ComponentProps<typeof OrganizationSettingsForm>["org"] & { timeZone: string };
  timeZones: string[];
  countries: ComponentProps<typeof OrganizationSettingsForm>["countries"];
  templates: ComponentProps<typeof WhatsAppTemplates>["settings"];
  activity: ComponentProps<typeof ActivityTable>["entries"];
  actions: { saveOrganization: FormAction; saveTemplate: FormAction };
};

/** What a template looks like with a participant's details filled in. */
const SAMPLE = { name: "Anna", event: "Morning school run", start: "Mon 7 Jan, 07:30", venue: "Main gate" };

/** The organization's name, place and retention, its WhatsApp templates, and the log of every change. */
export function SettingsView({ org, timeZones, countries, templates, activity, actions }: Props) {
  return (
    <div className="space-y-8">
      <PageHeader title="Settings" description="How this organization is named, where it is and how it reaches people." />
      <SectionCard title="Organization">
        <OrganizationSettingsForm save={actions.saveOrganization} timeZones={timeZones} countries={countries} org={org} />
      </SectionCard>
      <SectionCard
        title="WhatsApp templates"
        description="Outside the 24 hours after a participant last wrote, WhatsApp delivers only templates you had approved in WhatsApp Manager. Enter the name and language of yours for each message, or leave the name empty to use the default one. The preview shows the wording we recommend."
      >
        <WhatsAppTemplates save={actions.saveTemplate} settings={templates} sample={SAMPLE} />
      </SectionCard>
      <SectionCard title="Activity" description="Every change to this organization: who, what and when.">
        <ActivityTable entries={activity} timeZone={org.timeZone} />
      </SectionCard>
    </div>
  );
}
