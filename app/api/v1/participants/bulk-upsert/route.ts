import { apiRoutes } from "@/lib/api-v1";

export const { POST } = apiRoutes("/participants/bulk-upsert");
