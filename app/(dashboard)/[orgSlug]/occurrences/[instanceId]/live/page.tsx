import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatLocalDateTime } from "@/components/dashboard/format";
import { SimulateButton } from "@/components/demo/simulate-button";
import { LiveView } from "@/components/live/live-view";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { env } from "@/lib/env";
import { bindOrgActions } from "@/lib/adapters";
import { distanceUnitsFor } from "@/lib/i18n";
import { getLiveSnapshot } from "@/lib/live/snapshot";
import { instantToLocal } from "@/lib/recurrence/expand";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";
import { can } from "@/lib/tenant/roles";
import { checkInAction, undoCheckInAction } from "../actions";
import { simulateApproachAction } from "../demo-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("live");
  return { title: t("title") };
}

export default async function LiveMapPage({ params }: { params: Promise<{ orgSlug: string; instanceId: string }> }) {
  const { orgSlug, instanceId } = await params;
  const ctx = await requirePageContext(orgSlug);
  const snapshot = await notFoundOnMissing(getLiveSnapshot(ctx, instanceId));
  const t = await getTranslations("live");
  const format = await getFormatter();
  const { occurrence } = snapshot;
  const now = new Date().getTime();
  const windowOpen =
    occurrence.status !== "cancelled" &&
    occurrence.trackingWindow !== null &&
    Date.parse(occurrence.trackingWindow.opensAt) <= now &&
    now <= Date.parse(occurrence.trackingWindow.closesAt);
  const starts = formatLocalDateTime(format, instantToLocal(new Date(occurrence.startsAt), occurrence.timeZone));
  return (
    <div className="space-y-4">
      <PageHeader
        eyebrow={
          <Link href={`/${orgSlug}/occurrences/${instanceId}`} className="hover:underline">
            {t("eyebrow", { title: occurrence.title, starts })}
          </Link>
        }
        title={t("title")}
        description={[occurrence.venue.name, occurrence.venue.address].filter(Boolean).join(" · ")}
        actions={
          <Link href={`/board/${orgSlug}/${instanceId}`} className={buttonClasses("secondary")} target="_blank">
            {t("board")}
          </Link>
        }
      />
      {windowOpen && env().mode === "embedded" && can(ctx.role, "live.checkIn") ? (
        <SimulateButton instanceId={instanceId} start={simulateApproachAction.bind(null, orgSlug)} />
      ) : null}
      <LiveView
        actions={bindOrgActions(orgSlug, { checkIn: checkInAction, undoCheckIn: undoCheckInAction })}
        initial={snapshot}
        streamUrl={`/api/live/${orgSlug}/${instanceId}`}
        canCheckIn={can(ctx.role, "live.checkIn")}
        units={distanceUnitsFor(ctx.org.defaultCountry)}
      />
    </div>
  );
}
