import { useFormatter, useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { formatLocalDateTime } from "@/components/dashboard/format";
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

/** The organization's name, place, language and retention, its WhatsApp templates, and the log of every change. */
export function SettingsView({ org, timeZones, countries, templates, activity, actions }: Props) {
  const t = useTranslations("settings");
  const format = useFormatter();
  // What a template looks like with a participant's details filled in (a Monday morning, in the reader's words).
  const sample = {
    name: t("sample.name"),
    event: t("sample.event"),
    start: formatLocalDateTime(format, "2030-01-07T07:30"),
    venue: t("sample.venue"),
  };
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} description={t("description")} />
      <SectionCard title={t("organization")}>
        <OrganizationSettingsForm save={actions.saveOrganization} timeZones={timeZones} countries={countries} org={org} />
      </SectionCard>
      <SectionCard title={t("templates.title")} description={t("templates.description")}>
        <WhatsAppTemplates save={actions.saveTemplate} settings={templates} sample={sample} />
      </SectionCard>
      <SectionCard title={t("activity.title")} description={t("activity.description")}>
        <ActivityTable entries={activity} timeZone={org.timeZone} />
      </SectionCard>
    </div>
  );
}
