"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

type Props = {
  /** ISO instants of the tracking window: outside it nothing moves, so nothing is fetched. */
  from: string;
  until: string;
  intervalMs?: number;
};

/**
 * Re-renders the server page every few seconds while the tracking window is open and the tab is visible, so the
 * attendance table moves from "On the way" to "Arrived" without a reload. Client state (an issued link) survives.
 */
export function LiveRefresh({ from, until, intervalMs = 10_000 }: Props) {
  const router = useRouter();
  useEffect(() => {
    const start = Date.parse(from);
    const end = Date.parse(until);
    const isLive = () => {
      const now = Date.now();
      return document.visibilityState === "visible" && now >= start && now <= end;
    };
    const timer = window.setInterval(() => {
      if (isLive()) router.refresh();
    }, intervalMs);
    // Coming back to the tab shows the current state at once instead of up to one interval later.
    const onVisible = () => {
      if (isLive()) router.refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [router, from, until, intervalMs]);
  return null;
}
