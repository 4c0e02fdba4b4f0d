import { apiRoutes } from "@/lib/api-v1";

export const { GET } = apiRoutes("/events/{eventId}/report");
