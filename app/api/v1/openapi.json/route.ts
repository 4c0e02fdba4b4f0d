import { openApiDocument } from "@/lib/api-v1";
import { withRoute } from "@/lib/http";

// Public: the document describes the API, it holds no data. Cached for an hour by browsers and proxies.
export const GET = withRoute("api-v1 openapi", async () =>
  Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=3600" } }),
);
