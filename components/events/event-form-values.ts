import { DEFAULT_SCHEDULE } from "@/lib/events/schemas";
import { instantToLocal } from "@/lib/recurrence/expand";
import { WEEKDAYS } from "@/lib/recurrence/schemas";
import type { EventFormValues } from "./event-form";

/** A new event's starting point: tomorrow at 08:00 in the organization's zone, weekly on that weekday. */
export function newEventValues(timeZone: string, now = new Date()): EventFormValues {
  const tomorrow = instantToLocal(new Date(now.getTime() + 86_400_000), timeZone).slice(0, 10);
  const weekday = WEEKDAYS[(new Date(`${tomorrow}T00:00:00Z`).getUTCDay() + 6) % 7]!;
  return {
    title: "",
    description: "",
    kind: "periodic",
    date: tomorrow,
    time: "08:00",
    durationMinutes: 60,
    timeZone,
    rule: { frequency: "weekly", interval: 1, weekdays: [weekday], end: { type: "never" } },
    exdates: [],
    venueName: "",
    venueAddress: "",
    venueLat: "",
    venueLng: "",
    arrivalRadiusM: 150,
    travelMode: "driving",
    lateGraceMinutes: 5,
    schedule: { ...DEFAULT_SCHEDULE },
  };
}

type StoredEvent = {
  title: string;
  description: string;
  kind: "demand" | "periodic";
  dtstartLocal: string;
  durationMinutes: number;
  timeZone: string;
  rule: EventFormValues["rule"] | null;
  exdates: string[];
  venueName: string;
  venueAddress: string;
  venueLat: number;
  venueLng: number;
  arrivalRadiusM: number;
  travelMode: "walking" | "driving";
  lateGraceMinutes: number;
  schedule: EventFormValues["schedule"];
};

/** An existing event as the editor's values. */
export function eventValues(event: StoredEvent): EventFormValues {
  const defaults = newEventValues(event.timeZone);
  return {
    ...event,
    date: event.dtstartLocal.slice(0, 10),
    time: event.dtstartLocal.slice(11, 16),
    rule: event.rule ?? defaults.rule,
    venueLat: String(event.venueLat),
    venueLng: String(event.venueLng),
  };
}
