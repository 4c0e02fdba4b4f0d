import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { ArrivalBoard } from "@/components/live/arrival-board";
import { distanceUnitsFor } from "@/lib/i18n";
import { getLiveSnapshot } from "@/lib/live/snapshot";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("board");
  return { title: t("metaTitle") };
}

/** Full screen for a school gate or a reception desk: no navigation, no controls, updates by itself. */
export default async function ArrivalBoardPage({ params }: { params: Promise<{ orgSlug: string; instanceId: string }> }) {
  const { orgSlug, instanceId } = await params;
  const ctx = await requirePageContext(orgSlug);
  const snapshot = await notFoundOnMissing(getLiveSnapshot(ctx, instanceId));
  // Outside the dashboard's layout: the board brings the words it shows.
  return (
    <IntlProvider namespaces={["board", "live"]}>
      <ArrivalBoard initial={snapshot} streamUrl={`/api/live/${orgSlug}/${instanceId}`} units={distanceUnitsFor(ctx.org.defaultCountry)} />
    </IntlProvider>
  );
}
