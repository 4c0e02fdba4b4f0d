import { apiRoutes } from "@/lib/api-v1";

export const { DELETE } = apiRoutes("/events/{eventId}/roster/{participantId}");
