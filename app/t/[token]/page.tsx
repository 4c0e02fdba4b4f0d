import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { formatMoment } from "@/components/tracking/format";
import { RefreshAt } from "@/components/tracking/refresh-at";
import { EndedScreen, EventSummary, NotOpenScreen, TrackingFrame } from "@/components/tracking/screens";
import { TrackingSession } from "@/components/tracking/tracking-session";
import { getTrackingPage, isLinkPreviewAgent } from "@/lib/tracking/links";
import { stopSharingAction } from "./actions";

// Every visit reads the link's current state; the token must never reach a search engine or another site.
export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Share your journey",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function TrackingLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const userAgent = (await headers()).get("user-agent");
  const view = await getTrackingPage(token, { recordOpen: !isLinkPreviewAgent(userAgent) });
  if (view.state === "unknown") notFound();
  const now = new Date();

  switch (view.state) {
    case "open":
      return (
        <TrackingFrame>
          <EventSummary info={view} />
          <TrackingSession
            token={token}
            info={view}
            untilLabel={formatMoment(view.validUntil, view.timeZone, now)}
            serverNow={now.getTime()}
            stopAction={stopSharingAction}
          />
        </TrackingFrame>
      );
    case "not_open":
      return (
        <TrackingFrame>
          <EventSummary info={view} />
          <NotOpenScreen info={view} now={now} />
          <RefreshAt at={view.validFrom} />
        </TrackingFrame>
      );
    case "arrived":
    case "stopped":
      return (
        <TrackingFrame>
          <EventSummary info={view} />
          <EndedScreen reason={view.state} info={view} />
        </TrackingFrame>
      );
    default:
      // Expired, replaced or cancelled: the message names the event; its venue and details are not shown again.
      return (
        <TrackingFrame>
          <EndedScreen reason={view.state} info={view} level="h1" />
        </TrackingFrame>
      );
  }
}
