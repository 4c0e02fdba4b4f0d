import { wallTimeWithOffset, zoneOffsetMinutes, zoneTransitions } from "@/lib/recurrence";

/** "+0100", "-0300", "+0545". */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** "2027-03-28T02:00" → "20270328T020000". */
const icsLocal = (local: string) => `${local.replaceAll(/[-:]/g, "")}00`;

/** The zone's standard offset in a year: the smaller of January's and July's (north and south alike). */
function standardOffset(timeZone: string, year: number): number {
  return Math.min(
    zoneOffsetMinutes(new Date(Date.UTC(year, 0, 15)), timeZone),
    zoneOffsetMinutes(new Date(Date.UTC(year, 6, 15)), timeZone),
  );
}

function observance(timeZone: string, at: Date, fromMinutes: number, toMinutes: number): string[] {
  const kind = toMinutes > standardOffset(timeZone, at.getUTCFullYear()) ? "DAYLIGHT" : "STANDARD";
  return [
    `BEGIN:${kind}`,
    // RFC 5545 3.6.5: an observance's DTSTART is the local time before the change, read with TZOFFSETFROM.
    `DTSTART:${icsLocal(wallTimeWithOffset(at, fromMinutes))}`,
    `TZOFFSETFROM:${formatOffset(fromMinutes)}`,
    `TZOFFSETTO:${formatOffset(toMinutes)}`,
    `END:${kind}`,
  ];
}

/**
 * A VTIMEZONE for an IANA zone over [from, to): the offset in force at `from`, then one observance per change, each
 * with its explicit date rather than a yearly rule, so a zone that changed its rules (or dropped summer time, as
 * Brazil did in 2019) is described as it is. Calendar clients use it to show the event's wall time.
 */
export function vtimezone(timeZone: string, from: Date, to: Date): string {
  const initial = zoneOffsetMinutes(from, timeZone);
  const lines = [
    "BEGIN:VTIMEZONE",
    `TZID:${timeZone}`,
    `X-LIC-LOCATION:${timeZone}`,
    ...observance(timeZone, from, initial, initial),
    ...zoneTransitions(timeZone, from, to).flatMap((change) =>
      observance(timeZone, change.at, change.fromMinutes, change.toMinutes),
    ),
    "END:VTIMEZONE",
  ];
  return lines.join("\r\n");
}
