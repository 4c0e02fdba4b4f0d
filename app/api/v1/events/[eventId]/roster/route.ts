import { apiRoutes } from "@/lib/api-v1";

export const { GET, POST } = apiRoutes("/events/{eventId}/roster");
