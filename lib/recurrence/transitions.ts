import { formatFloating, offsetAt } from "./zone";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Two offset changes of one zone are never closer than this (the closest on record are weeks apart). */
const STEP = 12 * HOUR;

/** A change of a zone's UTC offset: from `at` on, the clock reads `toMinutes` from UTC instead of `fromMinutes`. */
export type ZoneTransition = { at: Date; fromMinutes: number; toMinutes: number };

/**
 * Every offset change of an IANA zone in [from, to), read from the runtime's own time-zone data (Intl), so it is
 * as current as Node's ICU: America/Sao_Paulo has none since 2019, whereas packaged VTIMEZONE files from 2018 still
 * show its summer time. Steps 12 hours at a time and bisects each change to the second.
 */
export function zoneTransitions(timeZone: string, from: Date, to: Date): ZoneTransition[] {
  const transitions: ZoneTransition[] = [];
  const end = to.getTime();
  let previous = from.getTime();
  let previousOffset = offsetAt(previous, timeZone);
  while (previous < end) {
    const next = Math.min(previous + STEP, end);
    const nextOffset = offsetAt(next, timeZone);
    if (nextOffset !== previousOffset) {
      let lo = previous;
      let hi = next;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (offsetAt(mid, timeZone) === previousOffset) lo = mid;
        else hi = mid;
      }
      transitions.push({ at: new Date(hi), fromMinutes: previousOffset / MINUTE, toMinutes: nextOffset / MINUTE });
    }
    previous = next;
    previousOffset = nextOffset;
  }
  return transitions;
}

/** The zone's UTC offset at an instant, in minutes (positive east of Greenwich). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  return offsetAt(instant.getTime(), timeZone) / MINUTE;
}

/** The wall clock at an instant read with a given offset, "YYYY-MM-DDTHH:mm". */
export function wallTimeWithOffset(instant: Date, offsetMinutes: number): string {
  return formatFloating(instant.getTime() + offsetMinutes * MINUTE);
}
