import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Overview } from "@/components/organizations/overview";
import { env } from "@/lib/env";
import { listEvents } from "@/lib/events/read-events";
import { getOrganizationCounts } from "@/lib/organizations/get-overview";
import { listParticipants } from "@/lib/participants/list-participants";
import { requirePageContext } from "@/lib/auth/request-context";
import { can } from "@/lib/tenant/roles";
import { startLiveDemoAction } from "./occurrences/[instanceId]/demo-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("overview");
  return { title: t("metaTitle") };
}

export default async function OverviewPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const ctx = await requirePageContext((await params).orgSlug);
  const [counts, events, participants] = await Promise.all([
    getOrganizationCounts(ctx),
    listEvents(ctx, { status: "active" }),
    listParticipants(ctx, { limit: 8 }),
  ]);
  const canDemo = env().mode === "embedded" && can(ctx.role, "events.write");
  return (
    <Overview
      org={ctx.org}
      counts={counts}
      events={events}
      participants={participants}
      startDemo={canDemo ? startLiveDemoAction.bind(null, ctx.org.slug) : null}
    />
  );
}
