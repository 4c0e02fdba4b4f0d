import { EndedScreen, TrackingFrame } from "@/components/tracking/screens";

/** An unknown or mistyped link: nothing about any event is revealed. */
export default function TrackingLinkNotFound() {
  return (
    <TrackingFrame>
      <EndedScreen reason="unknown" level="h1" />
    </TrackingFrame>
  );
}
