import { apiRoutes } from "@/lib/api-v1";

export const { GET, POST } = apiRoutes("/participants");
