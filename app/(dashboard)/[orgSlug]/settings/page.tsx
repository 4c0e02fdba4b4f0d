import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/dashboard/forbidden";
import { SettingsView } from "@/components/settings/settings-view";
import { listAuditLogs } from "@/lib/audit/list-audit-logs";
import { bindOrgActions } from "@/lib/adapters";
import { getOrganizationFeed } from "@/lib/calendar";
import { listCountries } from "@/lib/organizations/countries";
import { listTimeZones } from "@/lib/organizations/time-zones";
import { requirePageContext } from "@/lib/auth/request-context";
import { CAPABILITIES, can } from "@/lib/tenant/roles";
import { listTemplateSettings } from "@/lib/whatsapp/template-settings";
import { saveTemplateAction, updateOrganizationAction } from "./actions";
import { regenerateOrganizationFeedAction } from "./calendar-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const ctx = await requirePageContext(orgSlug);
  if (!can(ctx.role, "organization.update")) {
    return <Forbidden role={ctx.role} needs={CAPABILITIES["organization.update"]} />;
  }
  const [activity, templates, feed] = await Promise.all([listAuditLogs(ctx, 30), listTemplateSettings(ctx), getOrganizationFeed(ctx)]);
  return (
    <SettingsView
      org={ctx.org}
      timeZones={listTimeZones()}
      countries={listCountries(await getLocale())}
      templates={templates}
      activity={activity}
      actions={bindOrgActions(orgSlug, { saveOrganization: updateOrganizationAction, saveTemplate: saveTemplateAction })}
      calendar={{
        feed,
        regenerate: can(ctx.role, "events.write")
          ? { action: bindOrgActions(orgSlug, { regenerateOrganizationFeedAction }).regenerateOrganizationFeedAction, fields: {} }
          : null,
      }}
      apiKeysHref={`/${orgSlug}/settings/api-keys`}
      webhooksHref={can(ctx.role, "webhooks.manage") ? `/${orgSlug}/settings/webhooks` : null}
    />
  );
}
