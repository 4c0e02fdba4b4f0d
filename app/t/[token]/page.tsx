import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { TrackingFrame } from "@/components/tracking/frame";
import { LanguageSwitch } from "@/components/tracking/language-switch";
import { formatMoment } from "@/components/tracking/page-format";
import { RefreshAt } from "@/components/tracking/refresh-at";
import { EndedScreen, EventSummary, NotOpenScreen } from "@/components/tracking/screens";
import { TrackingSession } from "@/components/tracking/tracking-session";
import { mayChooseLanguage } from "@/lib/tracking/link-language";
import { getTrackingPage, isLinkPreviewAgent } from "@/lib/tracking/links";
import { chooseLanguageAction, stopSharingAction } from "./actions";

// Every visit reads the link's current state; the token must never reach a search engine or another site.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tracking");
  return { title: t("meta.title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function TrackingLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const userAgent = (await headers()).get("user-agent");
  const view = await getTrackingPage(token, { recordOpen: !isLinkPreviewAgent(userAgent) });
  if (view.state === "unknown") notFound();
  const now = new Date();
  const frame = (children: React.ReactNode) => (
    // The phone gets the words of this page only, in the participant's language (lib/adapters/request-locale.ts).
    <IntlProvider namespaces={["tracking"]}>
      <TrackingFrame
        aside={mayChooseLanguage(view.state, view.validUntil, now) ? <LanguageSwitch token={token} action={chooseLanguageAction} /> : null}
      >
        {children}
      </TrackingFrame>
    </IntlProvider>
  );

  switch (view.state) {
    case "open": {
      const [t, format] = await Promise.all([getTranslations("tracking"), getFormatter()]);
      return frame(
        <>
          <EventSummary info={view} />
          <TrackingSession
            token={token}
            info={view}
            untilLabel={formatMoment(t, format, view.validUntil, view.timeZone, now)}
            serverNow={now.getTime()}
            stopAction={stopSharingAction}
          />
        </>,
      );
    }
    case "not_open":
      return frame(
        <>
          <EventSummary info={view} />
          <NotOpenScreen info={view} now={now} />
          <RefreshAt at={view.validFrom} />
        </>,
      );
    case "arrived":
    case "stopped":
      return frame(
        <>
          <EventSummary info={view} />
          <EndedScreen reason={view.state} info={view} />
        </>,
      );
    default:
      // Expired, replaced or cancelled: the message names the event; its venue and details are not shown again.
      return frame(<EndedScreen reason={view.state} info={view} level="h1" />);
  }
}
