import { listCountries } from "@/lib/organizations/countries";
import { listTimeZones } from "@/lib/organizations/time-zones";
import type { Metadata } from "next";
import { formatDateTime } from "@/components/dashboard/format";
import { Forbidden } from "@/components/dashboard/forbidden";
import { OrganizationSettingsForm } from "@/components/settings/organization-settings-form";
import { WhatsAppTemplates } from "@/components/settings/whatsapp-templates";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { describeAuditEntry } from "@/lib/audit/describe";
import { listAuditLogs } from "@/lib/audit/list-audit-logs";
import { requirePageContext } from "@/lib/auth/request-context";
import { listTemplateSettings } from "@/lib/whatsapp/template-settings";
import { CAPABILITIES, can } from "@/lib/tenant/roles";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const ctx = await requirePageContext(orgSlug);
  if (!can(ctx.role, "organization.update")) {
    return <Forbidden role={ctx.role} needs={CAPABILITIES["organization.update"]} />;
  }
  const [activity, templates] = await Promise.all([listAuditLogs(ctx, 30), listTemplateSettings(ctx)]);
  return (
    <div className="space-y-8">
      <PageHeader title="Settings" description="How this organization is named, where it is and how it reaches people." />
      <Card>
        <CardHeader>
          <CardTitle>Organization</CardTitle>
        </CardHeader>
        <CardContent>
          <OrganizationSettingsForm orgSlug={orgSlug} timeZones={listTimeZones()} countries={listCountries()} org={ctx.org} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>WhatsApp templates</CardTitle>
          <CardDescription>
            Outside the 24 hours after a participant last wrote, WhatsApp delivers only templates you had approved in
            WhatsApp Manager. Enter the name and language of yours for each message, or leave the name empty to use the
            default one. The preview shows the wording we recommend.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <WhatsAppTemplates
            orgSlug={orgSlug}
            settings={templates}
            sample={{ name: "Anna", event: "Morning school run", start: "Mon 7 Jan, 07:30", venue: "Main gate" }}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Activity</CardTitle>
          <CardDescription>Every change to this organization: who, what and when.</CardDescription>
        </CardHeader>
        <CardContent>
          <Table>
            <THead>
              <TR>
                <TH>When</TH>
                <TH>Who</TH>
                <TH>What</TH>
              </TR>
            </THead>
            <TBody>
              {activity.map((entry) => (
                <TR key={entry.id}>
                  <TD className="whitespace-nowrap tabular-nums">{formatDateTime(entry.createdAt, ctx.org.timeZone)}</TD>
                  <TD>{entry.actorName ?? (entry.actorType === "system" ? "System" : "Deleted user")}</TD>
                  <TD>{describeAuditEntry(entry)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
