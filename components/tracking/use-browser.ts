"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

function subscribeOnline(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** navigator.onLine, kept current (true on the server). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
}

function subscribeVisibility(onChange: () => void) {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
}

/** False while the page is in the background (another app, locked phone): browsers stop location updates then. */
export function usePageVisible(): boolean {
  return useSyncExternalStore(subscribeVisibility, () => document.visibilityState === "visible", () => true);
}

/**
 * Keeps the screen on while `active`, where the Screen Wake Lock API exists. The browser drops the lock whenever the
 * page is hidden, so it is asked for again each time the page comes back. Returns whether a lock is held.
 */
export function useWakeLock(active: boolean): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!active || !("wakeLock" in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let disposed = false;
    const acquire = async () => {
      if (disposed || document.visibilityState !== "visible" || (lock && !lock.released)) return;
      try {
        const next = await navigator.wakeLock.request("screen");
        if (disposed) {
          void next.release();
          return;
        }
        lock = next;
        setHeld(true);
        next.addEventListener("release", () => setHeld(false));
      } catch {
        // Refused (battery saver, no user gesture yet, iframe): sharing works anyway, the phone may just dim.
        setHeld(false);
      }
    };
    void acquire();
    document.addEventListener("visibilitychange", acquire);
    return () => {
      disposed = true;
      document.removeEventListener("visibilitychange", acquire);
      void lock?.release().catch(() => undefined);
      setHeld(false);
    };
  }, [active]);
  return held;
}

/** Re-renders every `ms` while `active`, for "in 9 min" style text. Returns the current time. */
export function useNow(ms: number, active = true): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(id);
  }, [ms, active]);
  return now;
}
