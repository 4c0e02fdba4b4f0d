// English clock times and distances that the organizer's live view (components/live) still prints; the participant
// page speaks its participant's language (page-format.ts, lib/i18n's formatDistance). Once the live view formats by
// locale nothing imports this file any more and it goes.

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

/** "Europe/Berlin" → "Berlin time"; "America/Argentina/Buenos_Aires" → "Buenos Aires time". */
export function zoneLabel(timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  return `${timeZone.split("/").pop()!.replaceAll("_", " ")} time`;
}

/** "80 m", "950 m", "1.2 km", "12 km". */
export function formatDistance(metres: number): string {
  if (!Number.isFinite(metres) || metres < 0) return "–";
  if (metres < 995) return `${Math.max(10, Math.round(metres / 10) * 10)} m`;
  const km = metres / 1000;
  return km < 9.95 ? `${km.toFixed(1)} km` : `${Math.round(km)} km`;
}
