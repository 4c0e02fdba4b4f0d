"use client";

import { useEffect, useRef, useState } from "react";

export const SPEEDS = [1, 10, 60] as const;
export type Speed = (typeof SPEEDS)[number];
const TICK_MS = 100;

/** The replayed instant: moved by the slider, or advancing at `speed` × real time while playing, stopping at the end. */
export function useReplayClock(from: number, until: number) {
  const [at, setAt] = useState(from);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(60);
  const state = useRef({ speed, until });
  useEffect(() => {
    state.current = { speed, until };
  });

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    const timer = window.setInterval(() => {
      const now = performance.now();
      const step = (now - last) * state.current.speed;
      last = now;
      setAt((current) => {
        const next = Math.min(state.current.until, current + step);
        if (next >= state.current.until) setPlaying(false);
        return next;
      });
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [playing]);

  const play = () => {
    // From the end, play starts over.
    if (at >= until) setAt(from);
    setPlaying(true);
  };
  const seek = (to: number) => setAt(Math.max(from, Math.min(until, to)));
  return { at, playing, speed, play, pause: () => setPlaying(false), seek, setSpeed };
}
