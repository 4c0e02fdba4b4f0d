import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { CalendarFeedCard } from "@/components/calendar/calendar-feed-card";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import type { FormAction } from "@/lib/http/action-result";
import { ActivityTable } from "./activity-table";
import { OrganizationSettingsForm } from "./organization-settings-form";
import { WhatsAppTemplatesCard } from "./whatsapp-templates";

type Props = {
  org: ComponentProps<typeof OrganizationSettingsForm>["org"] & { timeZone: string };
  timeZones: string[];
  countries: ComponentProps<typeof OrganizationSettingsForm>["countries"];
  templates: ComponentProps<typeof WhatsAppTemplatesCard>["languages"];
  activity: ComponentProps<typeof ActivityTable>["entries"];
  actions: { saveOrganization: FormAction; saveTemplate: FormAction };
  /** The organization-wide calendar feed. */
  calendar: Omit<ComponentProps<typeof CalendarFeedCard>, "scope">;
  /** Settings → API keys. */
  apiKeysHref: string;
  /** Settings → Webhooks, for those who may manage them. */
  webhooksHref: string | null;
};

/** The organization's name, place, language and retention, its WhatsApp templates, and the log of every change. */
export function SettingsView({ org, timeZones, countries, templates, activity, actions, calendar, apiKeysHref, webhooksHref }: Props) {
  const t = useTranslations("settings");
  const keys = useTranslations("apiKeys.settingsCard");
  const w = useTranslations("webhooks");
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} description={t("description")} />
      <SectionCard title={t("organization")}>
        <OrganizationSettingsForm save={actions.saveOrganization} timeZones={timeZones} countries={countries} org={org} />
      </SectionCard>
      <WhatsAppTemplatesCard save={actions.saveTemplate} languages={templates} />
      <CalendarFeedCard scope="organization" {...calendar} />
      <SectionCard
        title={keys("title")}
        description={keys("description")}
        aside={
          <Link href={apiKeysHref} className={buttonClasses("secondary", "sm")}>
            {keys("manage")}
          </Link>
        }
      >
        <p className="text-sm text-slate-600">{keys("body")}</p>
      </SectionCard>
      {webhooksHref ? (
        <SectionCard
          title={w("link.title")}
          description={w("link.description")}
          aside={
            <Link href={webhooksHref} className={buttonClasses("secondary", "sm")}>
              {w("link.open")}
            </Link>
          }
        >
          {null}
        </SectionCard>
      ) : null}
      <SectionCard title={t("activity.title")} description={t("activity.description")}>
        <ActivityTable entries={activity} timeZone={org.timeZone} />
      </SectionCard>
    </div>
  );
}
