import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SectionCard } from "@/components/ui/section-card";
import type { getEvent } from "@/lib/events/read-events";
import type { Translator } from "@/lib/i18n/translator-type";
import { LINK_NOT_OPENED_AFTER_MINUTES } from "@/lib/whatsapp/outbound/location-follow-ups";

type Event = Awaited<ReturnType<typeof getEvent>>;

/** "1 day before the start", "2 hours before the start", "30 minutes after the end", or "Off". */
function describeOffset(t: Translator<"events.facts">, minutes: number | null, relation: "before" | "after"): string {
  if (minutes === null) return t("off");
  const [unit, amount] =
    minutes % 1440 === 0 && minutes > 0 ? ["day", minutes / 1440] : minutes % 60 === 0 && minutes > 0 ? ["hour", minutes / 60] : ["minute", minutes];
  return relation === "before" ? t("beforeStart", { unit, amount }) : t("afterEnd", { unit, amount });
}

function Fact({ term, children, strong = false }: { term: string; children: ReactNode; strong?: boolean }) {
  return (
    <div>
      <dt className={strong ? "font-medium text-slate-900" : "text-slate-500"}>{term}</dt>
      <dd className={strong ? "text-slate-600" : undefined}>{children}</dd>
    </div>
  );
}

/** Where the event takes place and what counts as arriving, and late. */
export function VenueCard({ event }: { event: Event }) {
  const t = useTranslations("events.facts");
  const format = useFormatter();
  const coordinate = (value: number) => format.number(value, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  return (
    <SectionCard title={t("venue")}>
      <dl className="space-y-2 text-sm">
        <Fact term={event.venueName} strong>
          {event.venueAddress || t("noAddress")}
        </Fact>
        <Fact term={t("position")}>
          <span className="tabular-nums">{t("coordinates", { lat: coordinate(event.venueLat), lng: coordinate(event.venueLng) })}</span>
        </Fact>
        <Fact term={t("radius")}>{format.number(event.arrivalRadiusM, { style: "unit", unit: "meter" })}</Fact>
        <Fact term={t("travel")}>{t("travelAndLate", { mode: event.travelMode, grace: event.lateGraceMinutes })}</Fact>
        <Fact term={t("duration")}>{t("minutes", { minutes: event.durationMinutes })}</Fact>
      </dl>
    </SectionCard>
  );
}

/** When each WhatsApp message of an occurrence goes out, relative to its start or end. */
export function MessageScheduleCard({ event }: { event: Event }) {
  const t = useTranslations("events.facts");
  const actions = useTranslations("occurrences.actions");
  const { schedule } = event;
  return (
    <SectionCard title={t("schedule")}>
      <dl className="space-y-2 text-sm">
        <Fact term={actions("confirmation")}>{describeOffset(t, schedule.confirmationOffsetMinutes, "before")}</Fact>
        <Fact term={actions("reminder")}>{describeOffset(t, schedule.reminderOffsetMinutes, "before")}</Fact>
        <Fact term={actions("tracking_link")}>{describeOffset(t, schedule.trackingOffsetMinutes, "before")}</Fact>
        {schedule.trackingOffsetMinutes !== null ? (
          <Fact term={t("locationRequest")}>{t("locationRequestWhen", { minutes: LINK_NOT_OPENED_AFTER_MINUTES })}</Fact>
        ) : null}
        <Fact term={actions("closure")}>{describeOffset(t, schedule.closureOffsetMinutes, "after")}</Fact>
      </dl>
    </SectionCard>
  );
}
