import ICAL from "ical.js";

// Reads a calendar feed the way a calendar app would: with ical.js, a well-kept parser that has no zone data of its
// own, so every local time is placed with the feed's own VTIMEZONE definitions.

const DAY = 86_400_000;

export type ParsedEvent = {
  uid: string;
  summary: string;
  description: string;
  status: string | null;
  sequence: number;
  lastModified: string | null;
  /** The wall time as written, "2027-03-29T07:30:00", and its zone. */
  startLocal: string;
  zone: string | null;
  start: string;
  end: string;
  offsetSeconds: number;
  location: string;
  geo: [number, number] | null;
  url: string | null;
};

export type ParsedFeed = { name: string | null; zones: string[]; events: ParsedEvent[] };

export function parseFeed(text: string): ParsedFeed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents("vtimezone");
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((component): ParsedEvent => {
    const event = new ICAL.Event(component);
    const value = (name: string) => component.getFirstPropertyValue(name);
    const geo = value("geo") as [number, number] | null;
    const lastModified = value("last-modified") as ICAL.Time | null;
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description ?? "",
      status: (value("status") as string | null) ?? null,
      sequence: event.sequence,
      lastModified: lastModified ? lastModified.toJSDate().toISOString() : null,
      startLocal: event.startDate.toString(),
      zone: component.getFirstProperty("dtstart")?.getParameter("tzid") as string | null,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      offsetSeconds: event.startDate.utcOffset(),
      location: event.location,
      geo: geo ? [Number(geo[0]), Number(geo[1])] : null,
      url: (value("url") as string | null) ?? null,
    };
  });
  return { name: (calendar.getFirstPropertyValue("x-wr-calname") as string | null) ?? null, zones: zones.map((z) => String(z.getFirstPropertyValue("tzid"))), events };
}

/** The token at the end of a feed's address. */
export const tokenOf = (url: string) => url.split("/").at(-1)!.replace(/\.ics$/, "");

/** The next last-Sunday-of-March at least two weeks away (the night Europe springs forward), as a UTC midnight. */
export function nextSpringForward(now = new Date()): Date {
  for (let year = now.getUTCFullYear(); ; year += 1) {
    const lastOfMarch = new Date(Date.UTC(year, 2, 31));
    const sunday = new Date(lastOfMarch.getTime() - lastOfMarch.getUTCDay() * DAY);
    if (sunday.getTime() > now.getTime() + 14 * DAY) return sunday;
  }
}
