import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/dashboard/forbidden";
import { formatDateTime, formatLocalDateTime, zoneName } from "@/components/dashboard/format";
import { ReplayView } from "@/components/replay/replay-view";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { distanceUnitsFor } from "@/lib/i18n";
import { instantToLocal } from "@/lib/recurrence/expand";
import { getReplay } from "@/lib/replay";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";
import { CAPABILITIES, can } from "@/lib/tenant/roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("replay");
  return { title: t("title") };
}

export default async function ReplayPage({ params }: { params: Promise<{ orgSlug: string; instanceId: string }> }) {
  const { orgSlug, instanceId } = await params;
  const ctx = await requirePageContext(orgSlug);
  if (!can(ctx.role, "live.replay")) return <Forbidden role={ctx.role} needs={CAPABILITIES["live.replay"]} />;
  const now = new Date();
  const replay = await notFoundOnMissing(getReplay(ctx, instanceId, {}, now));
  const t = await getTranslations("replay");
  const format = await getFormatter();
  const { occurrence } = replay;
  const tz = occurrence.timeZone;
  const starts = formatLocalDateTime(format, instantToLocal(new Date(occurrence.startsAt), tz), { year: true });
  return (
    <div className="space-y-4">
      <PageHeader
        eyebrow={
          <Link href={`/${orgSlug}/occurrences/${instanceId}`} className="hover:underline">
            {t("eyebrow", { title: occurrence.title, starts })}
          </Link>
        }
        title={t("title")}
        description={t("description", { venue: occurrence.venue.name, zone: zoneName(tz) })}
      />
      {!replay.ok && replay.reason === "outside_retention" ? (
        <Alert tone="info" title={t("unavailable.outside_retention.title")}>
          {t("unavailable.outside_retention.description", { days: replay.retentionDays })}
        </Alert>
      ) : !replay.ok ? (
        <Alert tone="info" title={t("unavailable.not_started.title")}>
          {t("unavailable.not_started.description", { time: formatDateTime(format, occurrence.trackingWindow!.opensAt, tz) })}
        </Alert>
      ) : (
        <>
          {replay.clipped ? (
            <Alert tone="info">{t("clipped", { days: ctx.org.locationRetentionDays, time: formatDateTime(format, replay.from, tz) })}</Alert>
          ) : null}
          {Date.parse(replay.until) >= now.getTime() - 1000 ? (
            <Alert tone="info">{t("running", { time: formatDateTime(format, replay.until, tz) })}</Alert>
          ) : null}
          <ReplayView initial={replay} dataUrl={`/api/replay/${orgSlug}/${instanceId}`} units={distanceUnitsFor(ctx.org.defaultCountry)} />
        </>
      )}
    </div>
  );
}
