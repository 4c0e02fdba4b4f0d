import { clsx } from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AlertTriangleIcon, CalendarIcon, CheckCircleIcon, ClockIcon, InfoIcon, MapPinIcon, XIcon } from "@/components/ui/icons";
import type { LinkRefusal, TrackingPageInfo } from "@/lib/tracking/schemas";
import { formatClock, formatDay, formatEventTime, formatMoment } from "./page-format";

// No hooks but next-intl's, which work on both sides: the server page renders these, and the client session renders
// the same ones when a link ends mid-journey. Kept free of tailwind-merge (lib/utils/cn), like the rest of the page.

/** The event this link is for: who organizes it, what, when and where. */
export function EventSummary({ info }: { info: TrackingPageInfo }) {
  const t = useTranslations("tracking");
  const format = useFormatter();
  const { venue } = info;
  return (
    <section aria-labelledby="event-title" className="rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-xs">
      <p className="text-sm font-medium text-brand-700">{info.organizationName}</p>
      <h1 id="event-title" className="mt-0.5 text-xl font-semibold tracking-tight text-slate-900">
        {info.eventTitle}
      </h1>
      <dl className="mt-3 space-y-2 text-sm text-slate-700">
        <div className="flex gap-2.5">
          <dt>
            <CalendarIcon size={18} className="mt-px text-slate-500" title={t("summary.when")} />
          </dt>
          <dd>{formatEventTime(t, format, info.startsAt, info.endsAt, info.timeZone)}</dd>
        </div>
        <div className="flex gap-2.5">
          <dt>
            <MapPinIcon size={18} className="mt-px text-slate-500" title={t("summary.where")} />
          </dt>
          <dd>
            <span className="font-medium text-slate-900">{venue.name}</span>
            {venue.address ? <span className="block text-slate-600">{venue.address}</span> : null}
          </dd>
        </div>
      </dl>
    </section>
  );
}

type Tone = "success" | "neutral" | "warning" | "danger";
const toneStyles: Record<Tone, { ring: string; Icon: typeof InfoIcon }> = {
  success: { ring: "bg-emerald-50 text-emerald-700 ring-emerald-50/60", Icon: CheckCircleIcon },
  neutral: { ring: "bg-slate-100 text-slate-600 ring-slate-100/60", Icon: InfoIcon },
  warning: { ring: "bg-amber-50 text-amber-700 ring-amber-50/60", Icon: ClockIcon },
  danger: { ring: "bg-red-50 text-red-700 ring-red-50/60", Icon: AlertTriangleIcon },
};

/** One full-width message card: an icon, a heading and plain sentences. */
export function Screen({
  tone,
  title,
  level = "h2",
  icon,
  children,
  testId,
}: {
  tone: Tone;
  title: string;
  level?: "h1" | "h2";
  icon?: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  const Heading = level;
  const { ring, Icon } = toneStyles[tone];
  return (
    <section data-testid={testId} className="rounded-xl border border-slate-200 bg-white px-5 py-6 text-center shadow-xs">
      <div className={clsx("mx-auto mb-4 grid size-14 place-items-center rounded-full ring-8 [&_svg]:size-7", ring)}>
        {icon ?? <Icon />}
      </div>
      <Heading className="text-xl font-semibold tracking-tight text-slate-900">{title}</Heading>
      {children ? <div className="mt-2 space-y-2 text-base leading-7 text-slate-700">{children}</div> : null}
    </section>
  );
}

const strong = (chunks: ReactNode) => <strong className="font-semibold">{chunks}</strong>;

type Ended =
  | { reason: "unknown"; info?: undefined }
  | { reason: Exclude<LinkRefusal, "not_open" | "unknown">; info: TrackingPageInfo };

/** A link that takes no more positions. An unknown link has no `info`: nothing about it is revealed. */
export function EndedScreen({ arrivedAt, level = "h2", ...ended }: Ended & { arrivedAt?: string | null; level?: "h1" | "h2" }) {
  const t = useTranslations("tracking");
  const format = useFormatter();
  if (ended.reason === "unknown") {
    return (
      <Screen tone="neutral" title={t("unknown.title")} level={level} testId="unknown-screen">
        <p>{t("unknown.check")}</p>
        <p>{t("unknown.ask")}</p>
      </Screen>
    );
  }
  const { info } = ended;
  const org = info.organizationName;
  const event = info.eventTitle;
  switch (ended.reason) {
    case "arrived": {
      const at = arrivedAt ?? info.arrivedAt;
      return (
        <Screen tone="success" title={t("arrived.title")} level={level} testId="arrived-screen">
          <p>{at ? t("arrived.checkedIn", { time: formatClock(format, at, info.timeZone), org }) : t("arrived.seen", { org })}</p>
          <p>{t("arrived.done")}</p>
        </Screen>
      );
    }
    case "stopped":
      return (
        <Screen tone="neutral" title={t("stopped.title")} level={level} icon={<XIcon />} testId="stopped-screen">
          <p>{t("stopped.body", { org })}</p>
          <p>{t("stopped.again", { org })}</p>
        </Screen>
      );
    case "expired":
      return (
        <Screen tone="warning" title={t("expired.title")} level={level} testId="expired-screen">
          <p>{t.rich("expired.body", { event, strong })}</p>
          <p>{t("expired.contact", { org })}</p>
        </Screen>
      );
    case "revoked":
      return (
        <Screen tone="warning" title={t("revoked.title")} level={level} icon={<AlertTriangleIcon />} testId="revoked-screen">
          <p>{t.rich("revoked.body", { org, event, strong })}</p>
          <p>{t("revoked.newest")}</p>
        </Screen>
      );
    case "cancelled":
      return (
        <Screen tone="danger" title={t("cancelled.title")} level={level} testId="cancelled-screen">
          <p>{t.rich("cancelled.body", { org, event, day: formatDay(format, info.startsAt, info.timeZone), strong })}</p>
        </Screen>
      );
  }
}

/** Before the tracking window: when it opens, in the event's zone. */
export function NotOpenScreen({ info, now }: { info: TrackingPageInfo; now: Date }) {
  const t = useTranslations("tracking");
  const format = useFormatter();
  const moment = formatMoment(t, format, info.validFrom, info.timeZone, now);
  return (
    <Screen tone="warning" title={t("upcoming.title")} testId="not-open-screen">
      <p>{t.rich("upcoming.from", { moment, strong })}</p>
      <p>{t("upcoming.comeBack")}</p>
    </Screen>
  );
}
