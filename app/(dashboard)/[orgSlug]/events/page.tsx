import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EventList } from "@/components/events/event-list";
import { listEvents } from "@/lib/events/read-events";
import { requirePageContext } from "@/lib/auth/request-context";
import { can } from "@/lib/tenant/roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("events.list");
  return { title: t("title") };
}

type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ status?: string }> };

export default async function EventsPage({ params, searchParams }: Props) {
  const { orgSlug } = await params;
  const status = (await searchParams).status === "archived" ? "archived" : "active";
  const ctx = await requirePageContext(orgSlug);
  const events = await listEvents(ctx, { status });
  return (
    <EventList orgSlug={orgSlug} orgTimeZone={ctx.org.timeZone} status={status} events={events} canWrite={can(ctx.role, "events.write")} />
  );
}
