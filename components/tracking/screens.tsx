import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { AlertTriangleIcon, CalendarIcon, CheckCircleIcon, ClockIcon, InfoIcon, MapPinIcon, XIcon } from "@/components/ui/icons";
import type { LinkRefusal, TrackingPageInfo } from "@/lib/tracking/schemas";
import { cn } from "@/lib/utils/cn";
import { formatClock, formatDay, formatEventTime, formatMoment } from "./format";

// No hooks: the server page renders these, and the client session renders the same ones when a link ends mid-journey.

export function TrackingFrame({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col gap-4 px-4 pt-4 pb-10">
      <Logo compact className="[&_svg]:size-7" />
      {children}
    </main>
  );
}

/** The event this link is for: who organizes it, what, when and where. */
export function EventSummary({ info }: { info: TrackingPageInfo }) {
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
            <CalendarIcon size={18} className="mt-px text-slate-500" title="When" />
          </dt>
          <dd>{formatEventTime(info.startsAt, info.endsAt, info.timeZone)}</dd>
        </div>
        <div className="flex gap-2.5">
          <dt>
            <MapPinIcon size={18} className="mt-px text-slate-500" title="Where" />
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
      <div className={cn("mx-auto mb-4 grid size-14 place-items-center rounded-full ring-8 [&_svg]:size-7", ring)}>
        {icon ?? <Icon />}
      </div>
      <Heading className="text-xl font-semibold tracking-tight text-slate-900">{title}</Heading>
      {children ? <div className="mt-2 space-y-2 text-base leading-7 text-slate-700">{children}</div> : null}
    </section>
  );
}

/** A link that takes no more positions. `info` is absent for an unknown link: nothing about it is revealed. */
export function EndedScreen({
  reason,
  info,
  arrivedAt,
  level = "h2",
}: {
  reason: Exclude<LinkRefusal, "not_open">;
  info?: TrackingPageInfo;
  arrivedAt?: string | null;
  level?: "h1" | "h2";
}) {
  const org = info?.organizationName ?? "the organizer";
  const event = info ? <strong className="font-semibold">{info.eventTitle}</strong> : "this event";
  switch (reason) {
    case "arrived": {
      const at = arrivedAt ?? info?.arrivedAt;
      return (
        <Screen tone="success" title="You have arrived" level={level} testId="arrived-screen">
          <p>
            {at && info ? <>You were checked in at {formatClock(at, info.timeZone)}. </> : null}
            {org} can see that you are here.
          </p>
          <p>Your location is no longer shared. You can close this page.</p>
        </Screen>
      );
    }
    case "stopped":
      return (
        <Screen tone="neutral" title="You stopped sharing" level={level} icon={<XIcon />} testId="stopped-screen">
          <p>Your location is no longer sent to {org}.</p>
          <p>If you want to share it again, ask {org} for a new link.</p>
        </Screen>
      );
    case "expired":
      return (
        <Screen tone="warning" title="This link has expired" level={level} testId="expired-screen">
          <p>The time for sharing your location for {event} is over. Nothing is shared any more.</p>
          <p>If you think this is a mistake, contact {org}.</p>
        </Screen>
      );
    case "revoked":
      return (
        <Screen tone="warning" title="This link was replaced" level={level} icon={<AlertTriangleIcon />} testId="revoked-screen">
          <p>
            {org} sent you a newer link for {event}, or withdrew this one. Nothing is shared from this page.
          </p>
          <p>Open the newest link in your messages.</p>
        </Screen>
      );
    case "cancelled":
      return (
        <Screen tone="danger" title="This event was cancelled" level={level} testId="cancelled-screen">
          <p>
            {org} cancelled {event}
            {info ? ` on ${formatDay(info.startsAt, info.timeZone)}` : ""}. There is no need to
            share your location.
          </p>
        </Screen>
      );
    case "unknown":
      return (
        <Screen tone="neutral" title="This link does not work" level={level} testId="unknown-screen">
          <p>Check that you opened the whole link from your message.</p>
          <p>If it still does not work, ask the organizer for a new link.</p>
        </Screen>
      );
  }
}

/** Before the tracking window: when it opens, in the event's zone. */
export function NotOpenScreen({ info, now }: { info: TrackingPageInfo; now: Date }) {
  return (
    <Screen tone="warning" title="Sharing has not started yet" testId="not-open-screen">
      <p>
        You can share your location from <strong className="font-semibold">{formatMoment(info.validFrom, info.timeZone, now)}</strong>.
      </p>
      <p>Come back to this link then. This page also starts by itself if you leave it open.</p>
    </Screen>
  );
}
