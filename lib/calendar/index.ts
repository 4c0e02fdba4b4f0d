// The calendar domain's public face: the secret iCalendar feeds of an event and of an organization.
export { getEventFeed, getOrganizationFeed, regenerateEventFeed, regenerateOrganizationFeed } from "./feeds";
export { serveCalendarFeed, type ServedFeed } from "./serve";
export { type FeedAddress } from "./schemas";
