import { apiRoutes } from "@/lib/api-v1";

export const { POST, DELETE } = apiRoutes("/attendances/{attendanceId}/check-in");
