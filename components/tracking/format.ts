// Pure words and numbers for the participant page. Times are shown in the event's zone: the server and the phone
// then print the same thing, and the person sees the times the organizer announced.

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

/** "08:15" */
export function formatClock(iso: string | Date, timeZone: string): string {
  return fmt(timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));
}

/** "Tuesday 24 November" */
export function formatDay(iso: string | Date, timeZone: string): string {
  return fmt(timeZone, { weekday: "long", day: "numeric", month: "long" }).format(new Date(iso)).replace(",", "");
}

/** "Europe/Berlin" → "Berlin time"; "America/Argentina/Buenos_Aires" → "Buenos Aires time". */
export function zoneLabel(timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  return `${timeZone.split("/").pop()!.replaceAll("_", " ")} time`;
}

/** "Tuesday 24 November, 08:00–09:00 (Berlin time)"; an event past midnight names both days. */
export function formatEventTime(startsAt: string, endsAt: string, timeZone: string): string {
  const startDay = formatDay(startsAt, timeZone);
  const endDay = formatDay(endsAt, timeZone);
  const range =
    startDay === endDay
      ? `${startDay}, ${formatClock(startsAt, timeZone)}–${formatClock(endsAt, timeZone)}`
      : `${startDay}, ${formatClock(startsAt, timeZone)} – ${endDay}, ${formatClock(endsAt, timeZone)}`;
  return `${range} (${zoneLabel(timeZone)})`;
}

/** "08:15 today" / "08:15 on Tuesday 24 November", relative to `now` in the event's zone. */
export function formatMoment(iso: string, timeZone: string, now: Date): string {
  const day = formatDay(iso, timeZone);
  return day === formatDay(now, timeZone) ? `${formatClock(iso, timeZone)} today` : `${formatClock(iso, timeZone)} on ${day}`;
}

/** "80 m", "950 m", "1.2 km", "12 km". */
export function formatDistance(metres: number): string {
  if (!Number.isFinite(metres) || metres < 0) return "–";
  if (metres < 995) return `${Math.max(10, Math.round(metres / 10) * 10)} m`;
  const km = metres / 1000;
  return km < 9.95 ? `${km.toFixed(1)} km` : `${Math.round(km)} km`;
}

/** "less than a minute", "9 min", "1 h 5 min" from now until `iso`. */
export function formatDuration(iso: string, now: Date): string {
  const minutes = Math.round((Date.parse(iso) - now.getTime()) / 60_000);
  if (minutes < 1) return "less than a minute";
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "1 position", "12 positions" */
export function positions(n: number): string {
  return `${n} position${n === 1 ? "" : "s"}`;
}
