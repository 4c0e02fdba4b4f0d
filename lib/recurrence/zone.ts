import { AppError, fieldError, problem } from "@/lib/errors";
import { isRealWallTime } from "./schemas";

// Wall times are handled as "floating" milliseconds: the wall clock's digits read as if they were UTC. Only the UTC
// getters/setters ever touch them, so the host's own zone (TZ) can never leak in.

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch (error) {
      throw fieldError("VALIDATION", "timeZone", problem("recurrence.unknownTimeZone", { zone: timeZone }), { cause: error });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function floatingMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not turn years 0–99 into 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** "2026-09-07T07:30" → floating milliseconds; throws VALIDATION for anything else. */
export function parseLocal(local: string): number {
  if (!isRealWallTime(local)) {
    throw new AppError("VALIDATION", problem("recurrence.notLocalDateTime", { value: local }));
  }
  const [y, mo, d, h, mi] = local.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return floatingMs(y, mo, d, h, mi);
}

export function formatFloating(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The wall clock in `timeZone` at an instant, as floating milliseconds (whole seconds). */
function wallAt(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return floatingMs(year, month, day, hour % 24, minute, second);
}

/** The zone's UTC offset at an instant, in milliseconds (positive east of Greenwich). */
export function offsetAt(instantMs: number, timeZone: string): number {
  return wallAt(instantMs, timeZone) - Math.floor(instantMs / 1000) * 1000;
}

/**
 * Wall time → instant in an IANA zone. A wall time that exists twice (01:30 on a fall-back night) resolves to the
 * first, earlier instant; one that does not exist (02:30 on a spring-forward night) is shifted forward by the gap
 * (→ 03:30). These are Temporal's "compatible" rules; date-fns-tz's fromZonedTime was measured to break both, and to
 * depend on the host's TZ, hence Intl here.
 */
export function localToInstant(local: string, timeZone: string): Date {
  const wall = parseLocal(local);
  // Offsets a day either side bracket any single transition near this wall time.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const candidates = [...new Set([wall - before, wall - after])].sort((a, b) => a - b);
  const exact = candidates.find((t) => wallAt(t, timeZone) === wall);
  // In a gap neither candidate reads back; the pre-transition offset lands the gap's length later on the clock.
  return new Date(exact ?? wall - before);
}

/** Instant → wall time in an IANA zone, "YYYY-MM-DDTHH:mm" (seconds dropped). */
export function instantToLocal(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new AppError("VALIDATION", problem("input.date"));
  return formatFloating(Math.floor(wallAt(ms, timeZone) / MINUTE) * MINUTE);
}
