import { AppError, fieldError, problem } from "@/lib/errors";
import { RRule, type RRuleOptions } from "./rrule-lib";
import { formatFloating, instantToLocal, localToInstant, parseLocal } from "./zone";

export { instantToLocal, isValidTimeZone, localToInstant } from "./zone";

export type Occurrence = {
  /** Wall time of `startsAt` in the event's zone (equals the rule's wall time except inside a DST gap). */
  local: string;
  startsAt: Date;
};

export type ExpandInput = {
  /** RRULE body without DTSTART, e.g. "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO"; null = a one-off at dtstartLocal. */
  rrule: string | null;
  dtstartLocal: string;
  timeZone: string;
  exdates?: string[];
  from?: Date;
  until?: Date;
  limit?: number;
};

const DAY = 86_400_000;
/** Hard ceiling on occurrences per call, whatever the arguments (the builder's COUNT maximum too). */
export const MAX_OCCURRENCES = 1000;
/** How far an endless rule is expanded when the caller gives neither `until` nor `limit`. */
export const OPEN_ENDED_HORIZON_DAYS = 731;
const LAST_FLOATING = Date.UTC(9999, 11, 31, 23, 59);

function parseOptions(rrule: string): Partial<RRuleOptions> {
  try {
    const options = RRule.parseString(rrule.trim());
    // rrule would quietly default a missing FREQ to YEARLY; RFC 5545 requires it.
    if (options.freq === undefined) throw new Error("FREQ is missing");
    new RRule(options, true); // validates the combination, not just the syntax
    return options;
  } catch (error) {
    throw fieldError("VALIDATION", "rrule", problem("recurrence.invalid", { rule: rrule }), { cause: error });
  }
}

/**
 * rrule always iterates from DTSTART, so a years-old daily rule costs thousands of steps per call. Without COUNT,
 * starting a whole number of periods later yields exactly the same occurrences from there on (daily and weekly
 * periods are fixed lengths in floating time); the skipped ones all lie before `scanFrom`.
 */
function fastForward(options: Partial<RRuleOptions>, start: number, scanFrom: number): number {
  const days = options.freq === RRule.DAILY ? 1 : options.freq === RRule.WEEKLY ? 7 : 0;
  if (days === 0 || options.count != null || scanFrom <= start) return start;
  const period = days * (options.interval ?? 1) * DAY;
  return start + Math.floor((scanFrom - start) / period) * period;
}

/**
 * Occurrences of a rule, sorted by instant, within [from, until] (inclusive), at most `limit` (≤ MAX_OCCURRENCES).
 * The rule is expanded in floating time and each wall time is then placed in `timeZone` (DST rules: see
 * localToInstant). RFC 5545/rrule semantics throughout: COUNT counts occurrences before EXDATEs are removed, UNTIL
 * is inclusive, BYMONTHDAY=31 skips months without a 31st, and DTSTART is only an occurrence if the rule matches it.
 * EXDATEs are local wall times; one removes the occurrence whose rule wall time or actual wall time it names.
 */
export function expandOccurrences(input: ExpandInput): Occurrence[] {
  const { rrule, timeZone, from, until } = input;
  const limit = Math.min(input.limit ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  const start = parseLocal(input.dtstartLocal);
  const excluded = new Set((input.exdates ?? []).map((local) => formatFloating(parseLocal(local))));
  const results: Occurrence[] = [];
  const seen = new Set<number>();

  const take = (wall: number) => {
    const nominal = formatFloating(wall);
    const startsAt = localToInstant(nominal, timeZone);
    const ms = startsAt.getTime();
    if ((from && ms < from.getTime()) || (until && ms > until.getTime()) || seen.has(ms)) return;
    const local = instantToLocal(startsAt, timeZone);
    if (excluded.has(nominal) || excluded.has(local)) return;
    // Only sub-daily rules can map two wall times to one instant (a DST gap); keep the first.
    seen.add(ms);
    results.push({ local, startsAt });
  };

  if (limit <= 0) return [];
  if (rrule === null) {
    take(start);
    return results;
  }

  const options = parseOptions(rrule);
  const isEndless = options.count == null && options.until == null;
  // The window is in floating time, which differs from instants by the zone offset (< 1 day): widen by a day on
  // each side and let `take` filter exactly.
  const scanFrom = from ? Math.max(start, from.getTime() - DAY) : start;
  let scanUntil = until ? until.getTime() + DAY : LAST_FLOATING;
  if (!until && input.limit === undefined && isEndless) {
    scanUntil = Math.max(start, from?.getTime() ?? start) + OPEN_ENDED_HORIZON_DAYS * DAY;
  }
  if (scanFrom > scanUntil) return [];

  // Floating expansion: DTSTART's wall-clock digits as UTC and no tzid. rrule's own tzid support depends on the
  // host's TZ and is ~100× slower, so zones are applied afterwards, one wall time at a time.
  const dtstart = new Date(fastForward(options, start, scanFrom));
  const rule = new RRule({ ...options, dtstart, tzid: null }, true);
  let scanned = 0;
  rule.between(new Date(scanFrom), new Date(scanUntil), true, (date) => {
    take(date.getTime());
    scanned += 1;
    return results.length < limit && scanned < 2 * MAX_OCCURRENCES;
  });
  return results.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).slice(0, limit);
}

/** The database's "2026-09-07 07:30:00" (timestamp mode "string") → "2026-09-07T07:30". */
export function toLocalDateTime(db: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(db.trim());
  if (!match) throw new AppError("VALIDATION", problem("recurrence.notLocalDateTime", { value: db }));
  const local = `${match[1]}T${match[2]}`;
  parseLocal(local);
  return local;
}

/** "2026-09-07T07:30" → "2026-09-07 07:30:00" for a timestamp column in mode "string". */
export function toDbLocal(local: string): string {
  parseLocal(local);
  return `${local.replace("T", " ")}:00`;
}
