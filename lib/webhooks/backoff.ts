// When a failed delivery is tried again: growing waits with jitter (so endpoints that failed together do not all come
// back in the same second), for up to a day after the event; then the delivery fails for good.

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The wait after the 1st, 2nd, … failed attempt; the last one repeats. */
export const RETRY_DELAYS_MS = [30 * SECOND, 2 * MINUTE, 10 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 4 * HOUR] as const;
/** A delivery is tried for this long after it was created. */
export const RETRY_WINDOW_MS = 24 * HOUR;
const JITTER = 0.1;

/** The next attempt after `attempts` failed ones, or null when it would fall outside the retry window. */
export function nextAttemptAt(createdAt: Date, attempts: number, now: Date, random: () => number = Math.random): Date | null {
  const base = RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1]!;
  const delay = base * (1 - JITTER + 2 * JITTER * random());
  const next = new Date(now.getTime() + Math.round(delay));
  return next.getTime() > createdAt.getTime() + RETRY_WINDOW_MS ? null : next;
}
