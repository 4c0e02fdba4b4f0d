import { NextResponse } from "next/server";
import { getHealth } from "@/lib/health/get-health";
import { withRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = withRoute("health", async () => {
  const health = await getHealth();
  return NextResponse.json(health, {
    status: health.status === "down" ? 503 : 200,
    headers: { "cache-control": "no-store" },
  });
});
