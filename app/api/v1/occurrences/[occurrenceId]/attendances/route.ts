import { apiRoutes } from "@/lib/api-v1";

export const { GET } = apiRoutes("/occurrences/{occurrenceId}/attendances");
