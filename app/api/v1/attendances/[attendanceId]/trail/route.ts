import { apiRoutes } from "@/lib/api-v1";

export const { GET } = apiRoutes("/attendances/{attendanceId}/trail");
