import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { formatDateTime } from "@/components/dashboard/format";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ApiKeyView } from "@/lib/api-keys";
import type { ApiKeyRole } from "@/lib/api-keys/schemas";
import type { FormAction } from "@/lib/http/action-result";
import { CreateApiKeyForm } from "./create-api-key-form";
import { RevokeApiKeyForm } from "./revoke-api-key-form";

type Props = {
  keys: ApiKeyView[];
  roles: ApiKeyRole[];
  timeZone: string;
  settingsHref: string;
  actions: { create: FormAction<{ key: string }>; revoke: FormAction };
};

/** Settings → API keys: make a key (shown once), see who made each and when it was last used, revoke. */
export function ApiKeysView({ keys, roles, timeZone, settingsHref, actions }: Props) {
  const t = useTranslations("apiKeys");
  const common = useTranslations("common");
  const format = useFormatter();
  return (
    <div className="space-y-8">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={settingsHref} className={buttonClasses("ghost", "sm")}>
              {t("backToSettings")}
            </Link>
            <Link href="/docs/api" prefetch={false} className={buttonClasses("secondary", "sm")}>
              {t("reference")}
            </Link>
          </div>
        }
      />
      <SectionCard title={t("create.title")} description={t("create.description")}>
        <CreateApiKeyForm create={actions.create} roles={roles} />
      </SectionCard>
      <SectionCard title={t("list.title")} description={t("list.description")}>
        {keys.length === 0 ? (
          <EmptyState title={t("list.empty")} description={t("list.emptyHint")} />
        ) : (
          <Table aria-label={t("list.title")}>
            <THead>
              <TR>
                <TH>{t("list.name")}</TH>
                <TH>{t("list.role")}</TH>
                <TH>{t("list.prefix")}</TH>
                <TH>{t("list.createdBy")}</TH>
                <TH>{t("list.lastUsed")}</TH>
                <TH className="text-right">
                  <span className="sr-only">{t("list.actions")}</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {keys.map((key) => (
                <TR key={key.id} data-testid={`api-key-${key.name}`}>
                  <TD className="font-medium text-slate-900">{key.name}</TD>
                  <TD>{common(`roles.${key.role}`)}</TD>
                  <TD>
                    <code className="font-mono text-xs">{t("list.prefixValue", { prefix: key.prefix })}</code>
                  </TD>
                  <TD>
                    {key.createdByName ?? t("list.deletedUser")}
                    <span className="block text-xs text-slate-500">{formatDateTime(format, key.createdAt, timeZone)}</span>
                  </TD>
                  <TD className="whitespace-nowrap">
                    {key.lastUsedAt ? formatDateTime(format, key.lastUsedAt, timeZone) : t("list.neverUsed")}
                  </TD>
                  <TD>
                    <RevokeApiKeyForm revoke={actions.revoke} apiKeyId={key.id} name={key.name} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </SectionCard>
    </div>
  );
}
