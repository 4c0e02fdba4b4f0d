import type { Metadata } from "next";
import { ArrivalBoard } from "@/components/live/arrival-board";
import { getLiveSnapshot } from "@/lib/live/snapshot";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";

export const metadata: Metadata = { title: "Arrival board" };

/** Full screen for a school gate or a reception desk: no navigation, no controls, updates by itself. */
export default async function ArrivalBoardPage({ params }: { params: Promise<{ orgSlug: string; instanceId: string }> }) {
  const { orgSlug, instanceId } = await params;
  const ctx = await requirePageContext(orgSlug);
  const snapshot = await notFoundOnMissing(getLiveSnapshot(ctx, instanceId));
  return <ArrivalBoard initial={snapshot} streamUrl={`/api/live/${orgSlug}/${instanceId}`} />;
}
