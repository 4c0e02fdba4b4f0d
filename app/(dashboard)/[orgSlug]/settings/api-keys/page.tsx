import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApiKeysView } from "@/components/api-keys/api-keys-view";
import { Forbidden } from "@/components/dashboard/forbidden";
import { bindOrgActions } from "@/lib/adapters";
import { listApiKeys } from "@/lib/api-keys";
import { API_KEY_ROLES } from "@/lib/api-keys/schemas";
import { requirePageContext } from "@/lib/auth/request-context";
import { CAPABILITIES, can, hasRole } from "@/lib/tenant/roles";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiKeys");
  return { title: t("title") };
}

export default async function ApiKeysPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const ctx = await requirePageContext(orgSlug);
  if (!can(ctx.role, "apiKeys.manage")) return <Forbidden role={ctx.role} needs={CAPABILITIES["apiKeys.manage"]} />;
  return (
    <ApiKeysView
      keys={await listApiKeys(ctx)}
      roles={API_KEY_ROLES.filter((role) => hasRole(ctx.role, role))}
      timeZone={ctx.org.timeZone}
      settingsHref={`/${orgSlug}/settings`}
      actions={bindOrgActions(orgSlug, { create: createApiKeyAction, revoke: revokeApiKeyAction })}
    />
  );
}
