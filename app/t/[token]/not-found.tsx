import { IntlProvider } from "@/components/i18n/intl-provider";
import { TrackingFrame } from "@/components/tracking/frame";
import { EndedScreen } from "@/components/tracking/screens";

/** An unknown or mistyped link: nothing about any event is revealed (in the browser's language, there is no person). */
export default function TrackingLinkNotFound() {
  return (
    <IntlProvider namespaces={["tracking"]}>
      <TrackingFrame>
        <EndedScreen reason="unknown" level="h1" />
      </TrackingFrame>
    </IntlProvider>
  );
}
