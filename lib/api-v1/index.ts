// The public REST API (/api/v1): every resource's endpoints, one line each. The same definitions build the route
// handlers (app/api/v1/**/route.ts: `export const { GET } = apiRoutes("/events")`) and the OpenAPI document.
import { buildDocument } from "./document";
import type { Endpoint } from "./endpoint";
import { attendanceEndpoints } from "./endpoints/attendances";
import { eventEndpoints } from "./endpoints/events";
import { locationEndpoints } from "./endpoints/locations";
import { messageEndpoints } from "./endpoints/messages";
import { occurrenceEndpoints } from "./endpoints/occurrences";
import { participantEndpoints } from "./endpoints/participants";
import { reportEndpoints } from "./endpoints/reports";
import { rosterEndpoints } from "./endpoints/roster";
import { routesFor, type RouteHandlers } from "./routes";

export const endpoints: readonly Endpoint[] = [
  ...eventEndpoints,
  ...occurrenceEndpoints,
  ...participantEndpoints,
  ...rosterEndpoints,
  ...attendanceEndpoints,
  ...locationEndpoints,
  ...reportEndpoints,
  ...messageEndpoints,
];

export function apiRoutes(path: string): RouteHandlers {
  return routesFor(endpoints, path);
}

let document: ReturnType<typeof buildDocument> | undefined;

/** Built once per process: the schemas do not change while it runs. */
export function openApiDocument(): ReturnType<typeof buildDocument> {
  document ??= buildDocument(endpoints);
  return document;
}

export { defineEndpoint, type Endpoint } from "./endpoint";
export { iso, PageQuery, pageOf, Timestamp } from "./schemas";
