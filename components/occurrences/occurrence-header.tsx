import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { formatLocalClock, formatLocalDateTime, zoneName } from "@/components/dashboard/format";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { occurrenceStatus } from "./labels";
import type { Occurrence } from "./attendance-table";

type Props = { orgSlug: string; occurrence: Occurrence; now: Date; isLive: boolean; canReplay: boolean };

/** When and where, its state, and the way to its report (once started), its live map and its replay (once tracking opened). */
export function OccurrenceHeader({ orgSlug, occurrence, now, isLive, canReplay }: Props) {
  const t = useTranslations("occurrences");
  const format = useFormatter();
  const { event } = occurrence;
  const status = occurrenceStatus(t, occurrence.status);
  const day = occurrence.startsLocal.slice(0, 10);
  return (
    <PageHeader
      eyebrow={
        <Link href={`/${orgSlug}/events/${event.id}`} className="hover:underline">
          {event.title}
        </Link>
      }
      title={formatLocalDateTime(format, occurrence.startsLocal)}
      description={t("header.description", {
        venue: event.venueName,
        until: formatLocalClock(format, occurrence.endsLocal),
        zone: zoneName(event.timeZone),
      })}
      actions={
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={status.tone}>{status.label}</Badge>
          {occurrence.isDetached ? <Badge tone="warning">{t("moved")}</Badge> : null}
          {occurrence.status !== "cancelled" && occurrence.startsAt <= now ? (
            <Link href={`/${orgSlug}/events/${event.id}/report?from=${day}&to=${day}`} className={buttonClasses("secondary")}>
              {t("header.report")}
            </Link>
          ) : null}
          {occurrence.status !== "cancelled" ? (
            <Link href={`/${orgSlug}/occurrences/${occurrence.id}/live`} className={buttonClasses(isLive ? "primary" : "secondary")}>
              {t("header.liveMap")}
            </Link>
          ) : null}
          {canReplay && occurrence.trackingWindow.validFrom <= now ? (
            <Link href={`/${orgSlug}/occurrences/${occurrence.id}/replay`} className={buttonClasses("secondary")}>
              {t("header.replay")}
            </Link>
          ) : null}
        </div>
      }
    />
  );
}
