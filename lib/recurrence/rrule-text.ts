import { AppError, fieldError, parseInput, problem } from "@/lib/errors";
import { RecurrenceRule, sortWeekdays, WEEKDAYS, type Weekday } from "./schemas";

export { describeOnce, describeRule, describeTiming } from "./describe";

const FREQUENCIES = { daily: "DAILY", weekly: "WEEKLY", monthly: "MONTHLY" } as const;
const NTHS = [1, 2, 3, 4, -1] as const;
const KNOWN_KEYS = new Set(["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYSETPOS", "UNTIL", "COUNT", "WKST"]);

/**
 * Builder rule → RRULE body (no DTSTART), e.g. "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE,FR". An end date becomes UNTIL at
 * 23:59:59 of that local day in floating form (no Z), matching the floating expansion in expand.ts.
 */
export function ruleToRRule(input: RecurrenceRule): string {
  const rule = parseInput(RecurrenceRule, input);
  const parts = [`FREQ=${FREQUENCIES[rule.frequency]}`, `INTERVAL=${rule.interval}`];
  if (rule.frequency === "weekly") parts.push(`BYDAY=${sortWeekdays(rule.weekdays ?? []).join(",")}`);
  if (rule.frequency === "monthly" && rule.monthly) {
    const monthly = rule.monthly;
    parts.push(monthly.mode === "day_of_month" ? `BYMONTHDAY=${monthly.day}` : `BYDAY=${monthly.nth}${monthly.weekday}`);
  }
  if (rule.end.type === "until") parts.push(`UNTIL=${rule.end.date.replaceAll("-", "")}T235959`);
  if (rule.end.type === "count") parts.push(`COUNT=${rule.end.count}`);
  return parts.join(";");
}

/** A stored rule the builder cannot show; `part` is the RRULE text it stops at (words would not translate it). */
function unsupported(part: string): AppError {
  return fieldError("VALIDATION", "rrule", problem("recurrence.unsupported", { part }));
}

function parseParts(rrule: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of rrule.trim().replace(/^RRULE:/i, "").split(";")) {
    if (part === "") continue;
    const [rawKey = "", value, ...rest] = part.split("=");
    const key = rawKey.toUpperCase();
    if (value === undefined || value === "" || rest.length > 0) throw unsupported(part);
    if (!KNOWN_KEYS.has(key)) throw unsupported(part);
    if (parts.has(key)) throw unsupported(part);
    parts.set(key, value.toUpperCase());
  }
  return parts;
}

function parseWeekdayList(value: string | undefined): Weekday[] {
  if (value === undefined) throw unsupported("FREQ=WEEKLY");
  const days = value.split(",");
  if (!days.every((day): day is Weekday => (WEEKDAYS as readonly string[]).includes(day))) {
    throw unsupported(`BYDAY=${value}`);
  }
  return sortWeekdays(days);
}

function parseNth(value: string | undefined): (typeof NTHS)[number] {
  const nth = NTHS.find((n) => value !== undefined && /^[+-]?\d+$/.test(value) && Number(value) === n);
  if (nth === undefined) throw unsupported(`BYSETPOS=${value}`);
  return nth;
}

function parseMonthly(parts: Map<string, string>): RecurrenceRule["monthly"] {
  const byDay = parts.get("BYDAY");
  const byMonthDay = parts.get("BYMONTHDAY");
  const bySetPos = parts.get("BYSETPOS");
  if (byMonthDay !== undefined && byDay === undefined && bySetPos === undefined && /^\d{1,2}$/.test(byMonthDay)) {
    return { mode: "day_of_month", day: Number(byMonthDay) };
  }
  // "2nd Tuesday" arrives as BYDAY=2TU or as BYDAY=TU;BYSETPOS=2; both mean the same thing.
  const match = byMonthDay === undefined && byDay !== undefined ? /^([+-]?\d+)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay) : null;
  if (!match || (match[1] === undefined) === (bySetPos === undefined)) {
    throw unsupported([...parts].map(([k, v]) => `${k}=${v}`).join(";"));
  }
  return { mode: "nth_weekday", nth: parseNth(match[1] ?? bySetPos), weekday: match[2] as Weekday };
}

function parseEnd(parts: Map<string, string>): RecurrenceRule["end"] {
  const until = parts.get("UNTIL");
  const count = parts.get("COUNT");
  if (until !== undefined && count !== undefined) throw unsupported(`UNTIL=${until};COUNT=${count}`);
  if (count !== undefined) {
    if (!/^\d+$/.test(count)) throw unsupported(`COUNT=${count}`);
    return { type: "count", count: Number(count) };
  }
  if (until === undefined) return { type: "never" };
  // The builder ends on a whole local day: only UNTIL at that day's last second maps back to it. A trailing Z is
  // tolerated because expansion reads UNTIL's digits as floating wall time either way.
  const match = /^(\d{4})(\d{2})(\d{2})T235959Z?$/.exec(until);
  if (!match) throw unsupported(`UNTIL=${until}`);
  return { type: "until", date: `${match[1]}-${match[2]}-${match[3]}` };
}

/** RRULE body → builder rule; throws VALIDATION for anything the builder cannot express exactly. */
export function rruleToRule(rrule: string): RecurrenceRule {
  const parts = parseParts(rrule);
  const freq = parts.get("FREQ");
  const frequency = (Object.keys(FREQUENCIES) as (keyof typeof FREQUENCIES)[]).find((f) => FREQUENCIES[f] === freq);
  if (!frequency) throw unsupported(`FREQ=${freq ?? ""}`);
  // WKST only changes which weeks an INTERVAL>1 weekly rule skips; the builder assumes Monday.
  if (parts.has("WKST") && parts.get("WKST") !== "MO") throw unsupported(`WKST=${parts.get("WKST")}`);
  const interval = parts.get("INTERVAL") ?? "1";
  if (!/^\d+$/.test(interval)) throw unsupported(`INTERVAL=${interval}`);

  const candidate: Record<string, unknown> = { frequency, interval: Number(interval), end: parseEnd(parts) };
  if (frequency === "monthly") {
    candidate.monthly = parseMonthly(parts);
  } else if (parts.has("BYMONTHDAY") || parts.has("BYSETPOS") || (frequency === "daily" && parts.has("BYDAY"))) {
    throw unsupported([...parts].map(([k, v]) => `${k}=${v}`).join(";"));
  } else if (frequency === "weekly") {
    candidate.weekdays = parseWeekdayList(parts.get("BYDAY"));
  }
  return parseInput(RecurrenceRule, candidate);
}
