import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getHealth, publicHealth } from "@/lib/health/get-health";
import { hasOperatorToken, withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Everyone sees the status; the parts (mode, database, Redis, jobs…) only an operator's token or a superadmin. */
export const GET = withRoute("health", async (request) => {
  const health = await getHealth();
  const showDetails = hasOperatorToken(request) || (request.headers.has("cookie") && (await getCurrentUser())?.isSuperadmin === true);
  return NextResponse.json(showDetails ? health : publicHealth(health), {
    status: health.status === "down" ? 503 : 200,
    headers: { "cache-control": "no-store" },
  });
});
