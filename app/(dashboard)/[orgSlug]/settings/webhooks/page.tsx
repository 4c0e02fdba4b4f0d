import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/dashboard/forbidden";
import { WebhooksView } from "@/components/webhooks/webhooks-view";
import { bindOrgActions } from "@/lib/adapters";
import { requirePageContext } from "@/lib/auth/request-context";
import { CAPABILITIES, can } from "@/lib/tenant/roles";
import { listWebhookDeliveries, listWebhookEndpoints } from "@/lib/webhooks";
import * as actions from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

export default async function WebhooksPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const ctx = await requirePageContext(orgSlug);
  if (!can(ctx.role, "webhooks.manage")) return <Forbidden role={ctx.role} needs={CAPABILITIES["webhooks.manage"]} />;
  const endpoints = await listWebhookEndpoints(ctx);
  const deliveries = await Promise.all(endpoints.map((endpoint) => listWebhookDeliveries(ctx, endpoint.id, 15)));
  return (
    <WebhooksView
      orgSlug={orgSlug}
      timeZone={ctx.org.timeZone}
      endpoints={endpoints.map((endpoint, i) => ({ ...endpoint, deliveries: deliveries[i]! }))}
      actions={bindOrgActions(orgSlug, {
        create: actions.createWebhookEndpointAction,
        update: actions.updateWebhookEndpointAction,
        rotate: actions.rotateWebhookSecretAction,
        setEnabled: actions.setWebhookEndpointEnabledAction,
        remove: actions.deleteWebhookEndpointAction,
        sendTest: actions.sendTestWebhookAction,
        resend: actions.resendWebhookDeliveryAction,
      })}
    />
  );
}
