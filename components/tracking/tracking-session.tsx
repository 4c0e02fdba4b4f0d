"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { idle, type ActionResult, type FormAction } from "@/lib/http/action-result";
import { haversineM } from "@/lib/eta/estimate";
import type { LinkRefusal, TrackingPageInfo, TrackingPageView } from "@/lib/tracking/schemas";
import { ConsentPanel } from "./consent-panel";
import { clockOffsetMs, MIN_GAP_MS, shouldRecord, toPoint, type QueuedPoint } from "./point-queue";
import { PointSender, type SenderStatus } from "./point-sender";
import { EndedScreen, Screen } from "./screens";
import { SharingPanel, type Fix } from "./sharing-panel";
import { useOnline, usePageVisible, useWakeLock } from "./use-browser";

// MapLibre and the map component are fetched only once the person has agreed to share; what a phone that cannot
// share is told, only then too (the page as it opens stays within its 150 kB: docs/benchmarks.md).
const TrackingMap = dynamic(() => import("./tracking-map"), {
  ssr: false,
  loading: () => <div className="h-[15.5rem] animate-pulse rounded-xl border border-slate-200 bg-slate-100" />,
});
const panelLoading = () => <div className="h-48 animate-pulse rounded-xl border border-slate-200 bg-slate-100" />;
const DeniedPanel = dynamic(() => import("./problem-panels").then((m) => m.DeniedPanel), { ssr: false, loading: panelLoading });
const UnsupportedPanel = dynamic(() => import("./problem-panels").then((m) => m.UnsupportedPanel), { ssr: false, loading: panelLoading });

type Stopped = { state: TrackingPageView["state"]; arrivedAt: string | null };
type StopResult = ActionResult<Stopped>;

type Props = {
  token: string;
  info: TrackingPageInfo;
  /** "09:30 today", formatted on the server so both sides print the same (and in the page's language). */
  untilLabel: string;
  /** Epoch ms on the server when the page was rendered: corrects a phone clock that runs wrong. */
  serverNow: number;
  stopAction: FormAction<Stopped, { token: string }>;
};

type Phase =
  | { kind: "consent" | "locating" | "sharing" | "denied" }
  | { kind: "unsupported"; insecure: boolean }
  | { kind: "ended"; reason: LinkRefusal; arrivedAt: string | null };

const consentKey = (token: string) => `ec:track:${token}:consent`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The open link: consent, then watching the position and sending it until arrival, Stop, or the link ends. */
export function TrackingSession({ token, info, untilLabel, serverNow, stopAction }: Props) {
  const t = useTranslations("tracking");
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "consent" });
  const [status, setStatus] = useState<SenderStatus | null>(null);
  const [fix, setFix] = useState<Fix | null>(null);
  const [noFix, setNoFix] = useState(false);
  const [stopError, setStopError] = useState<string | null>(null);
  const [stopping, startStopping] = useTransition();
  const sender = useRef<PointSender | null>(null);
  const watchId = useRef<number | null>(null);
  const lastKept = useRef<QueuedPoint | null>(null);
  const clockOffset = useRef(0);
  const online = useOnline();
  const visible = usePageVisible();

  const ended: { reason: LinkRefusal; arrivedAt: string | null } | null =
    phase.kind === "ended"
      ? phase
      : status?.ended
        ? { reason: status.ended, arrivedAt: status.lastResult?.arrivedAt ?? null }
        : null;
  const lastFix = info.lastFix;
  const mapMe = useMemo(
    () => fix ?? (lastFix ? { lat: lastFix.lat, lng: lastFix.lng, accuracy: lastFix.accuracyM } : null),
    [fix, lastFix],
  );
  const watching = !ended && (phase.kind === "locating" || phase.kind === "sharing");
  useWakeLock(watching);

  const stopWatching = useCallback(() => {
    if (watchId.current !== null) navigator.geolocation.clearWatch(watchId.current);
    watchId.current = null;
  }, []);

  // The sender lives as long as the page, so positions an earlier visit left in storage are sent even before consent.
  useEffect(() => {
    clockOffset.current = clockOffsetMs(serverNow, Date.now());
  }, [serverNow]);

  // The window closes while the page is open: stop, as the server will refuse further points anyway.
  const validUntil = Date.parse(info.validUntil);
  useEffect(() => {
    const closesIn = validUntil - (Date.now() + clockOffset.current);
    if (closesIn > 2 ** 31 - 1) return;
    const timer = setTimeout(() => {
      sender.current?.end("expired");
      setPhase({ kind: "ended", reason: "expired", arrivedAt: null });
    }, Math.max(0, closesIn));
    return () => clearTimeout(timer);
  }, [validUntil]);

  useEffect(() => {
    const s = new PointSender({
      url: `/api/track/${encodeURIComponent(token)}/points`,
      storageKey: `ec:track:${token}:queue`,
      fetch: (input, init) => window.fetch(input, init),
      storage: storage(),
      now: Date.now,
      isOnline: () => navigator.onLine,
      onChange: setStatus,
      distanceM: haversineM,
    });
    sender.current = s;
    const tick = setInterval(() => s.tick(), 1_000);
    const onOnline = () => s.wake();
    // Going to the background: send what waits now (keepalive survives the page being frozen or closed).
    const onVisibility = () => (document.visibilityState === "hidden" ? void s.flush(true, true) : s.wake());
    const onPageHide = () => void s.flush(true, true);
    window.addEventListener("online", onOnline);
    window.addEventListener("pagehide", onPageHide);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearInterval(tick);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("pagehide", onPageHide);
      document.removeEventListener("visibilitychange", onVisibility);
      sender.current = null;
    };
  }, [token]);

  const start = useCallback(() => {
    if (!window.isSecureContext || !("geolocation" in navigator)) {
      setPhase({ kind: "unsupported", insecure: !window.isSecureContext });
      return;
    }
    try {
      storage()?.setItem(consentKey(token), "1");
    } catch {
      // Only used to resume after a reload; without it the person taps the button again.
    }
    setPhase({ kind: "locating" });
    setNoFix(false);
    if (watchId.current !== null) navigator.geolocation.clearWatch(watchId.current);
    watchId.current = navigator.geolocation.watchPosition(
      (position) => {
        const point = toPoint(position, clockOffset.current);
        setFix({ lat: point.lat, lng: point.lng, accuracy: point.accuracy, speed: point.speed ?? null });
        setNoFix(false);
        setPhase((p) => (p.kind === "locating" ? { kind: "sharing" } : p));
        const minGapMs = Math.min(MIN_GAP_MS, sender.current?.reportIntervalMs ?? MIN_GAP_MS);
        if (shouldRecord(lastKept.current, point, haversineM, minGapMs)) {
          lastKept.current = point;
          sender.current?.add(point);
        }
      },
      (error) => {
        if (error.code === error.PERMISSION_DENIED) {
          if (watchId.current !== null) navigator.geolocation.clearWatch(watchId.current);
          watchId.current = null;
          setPhase({ kind: "denied" });
        } else {
          // No fix for now (indoors, tunnel): the watch keeps trying by itself.
          setNoFix(true);
        }
      },
      // No timeout: a phone standing still reports nothing new, which is not an error.
      { enableHighAccuracy: true, maximumAge: 5_000 },
    );
  }, [token]);

  // Reloaded after agreeing, with location still allowed: carry on without asking again.
  useEffect(() => {
    if (storage()?.getItem(consentKey(token)) !== "1" || !navigator.permissions) return;
    let cancelled = false;
    navigator.permissions
      .query({ name: "geolocation" })
      .then((permission) => {
        if (!cancelled && permission.state === "granted") start();
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [start, token]);

  // Arrival, Stop or a refused link: the phone stops reporting positions.
  const isEnded = ended !== null;
  useEffect(() => {
    if (!isEnded) return;
    stopWatching();
    try {
      storage()?.removeItem(consentKey(token));
    } catch {
      // Nothing to clean up then.
    }
  }, [isEnded, stopWatching, token]);
  useEffect(() => stopWatching, [stopWatching]);

  // The link was moved to a later time: the server page shows when it opens.
  const notOpen = ended?.reason === "not_open";
  useEffect(() => {
    if (notOpen) router.refresh();
  }, [notOpen, router]);

  const stop = () =>
    startStopping(async () => {
      setStopError(null);
      stopWatching();
      // Positions already taken on the way still go out (briefly), then the link is closed on the server.
      const s = sender.current;
      if (s) await Promise.race([s.flush(true), new Promise((resolve) => setTimeout(resolve, 3_000))]);
      // A failed request (no connection) is a failure like any other.
      const result: StopResult | null = await stopAction(idle, { token }).catch(() => null);
      if (!result?.ok || !result.data) {
        setStopError(t("stop.failed"));
        start();
        return;
      }
      const { state, arrivedAt } = result.data;
      const reason: LinkRefusal = state === "open" ? "stopped" : state;
      s?.end(reason);
      setPhase({ kind: "ended", reason, arrivedAt });
    });

  if (ended) {
    if (ended.reason === "not_open") {
      return (
        <Screen tone="warning" title={t("upcoming.title")}>
          <p>{t("upcoming.later")}</p>
        </Screen>
      );
    }
    if (ended.reason === "unknown") return <EndedScreen reason="unknown" />;
    return <EndedScreen reason={ended.reason} info={info} arrivedAt={ended.arrivedAt} />;
  }
  switch (phase.kind) {
    case "consent":
      return <ConsentPanel info={info} untilLabel={untilLabel} onConsent={start} />;
    case "denied":
      return <DeniedPanel onRetry={start} />;
    case "unsupported":
      return <UnsupportedPanel insecure={phase.insecure} />;
    default:
      return (
        <SharingPanel
          info={info}
          locating={phase.kind === "locating"}
          fix={fix}
          noFix={noFix}
          online={online}
          visible={visible}
          status={status}
          stopping={stopping}
          stopError={stopError}
          onStop={stop}
          map={<TrackingMap venue={info.venue} me={mapMe} />}
        />
      );
  }
}
