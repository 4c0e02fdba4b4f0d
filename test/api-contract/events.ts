import { eventInput } from "../events";
import type { ContractCalls } from "./fixture";

export const eventCalls: Record<string, ContractCalls> = {
  listEvents: { ok: () => ({ path: "/events?limit=10" }), invalid: () => ({ path: "/events?limit=0" }) },
  createEvent: { ok: () => ({ path: "/events", body: eventInput({ title: "Contract" }) }) },
  getEvent: { ok: (f) => ({ path: `/events/${f.event.id}` }) },
  updateEvent: { ok: (f) => ({ path: `/events/${f.event.id}`, body: { title: "Renamed", arrivalRadiusM: 200 } }) },
  deleteEvent: { ok: (f) => ({ path: `/events/${f.event.id}` }) },
};
