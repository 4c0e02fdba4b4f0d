import { apiRoutes } from "@/lib/api-v1";

export const { GET, PATCH, DELETE } = apiRoutes("/participants/{participantId}");
