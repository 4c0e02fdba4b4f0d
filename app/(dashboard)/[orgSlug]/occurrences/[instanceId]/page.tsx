import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OccurrenceView } from "@/components/occurrences/occurrence-view";
import { env } from "@/lib/env";
import { distanceUnitsFor } from "@/lib/i18n";
import { bindOrgActions } from "@/lib/adapters";
import { countMessagesByStatus } from "@/lib/messages/list-messages";
import { getOccurrence } from "@/lib/occurrences/occurrences";
import { getOccurrenceTimeline } from "@/lib/occurrences/timeline";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";
import { can } from "@/lib/tenant/roles";
import { cancelOccurrenceAction, moveOccurrenceAction } from "../actions";
import { checkInAction, issueTrackingLinkAction, setRsvpAction, undoCheckInAction } from "./actions";
import { simulateApproachAction } from "./demo-actions";
import { simulateReplyAction } from "./whatsapp-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("occurrences.view");
  return { title: t("metaTitle") };
}

export default async function OccurrencePage({ params }: { params: Promise<{ orgSlug: string; instanceId: string }> }) {
  const { orgSlug, instanceId } = await params;
  const ctx = await requirePageContext(orgSlug);
  const [occurrence, timeline, messageCounts] = await Promise.all([
    notFoundOnMissing(getOccurrence(ctx, instanceId)),
    notFoundOnMissing(getOccurrenceTimeline(ctx, instanceId)),
    notFoundOnMissing(countMessagesByStatus(ctx, instanceId)),
  ]);
  const embedded = env().mode === "embedded";
  return (
    <OccurrenceView
      orgSlug={orgSlug}
      occurrence={occurrence}
      timeline={timeline}
      failedMessages={messageCounts.failed ?? 0}
      now={new Date()}
      can={{ write: can(ctx.role, "events.write"), checkIn: can(ctx.role, "live.checkIn"), replay: can(ctx.role, "live.replay") }}
      demo={{ simulate: embedded, whatsapp: embedded && env().whatsapp === "log" }}
      units={distanceUnitsFor(ctx.org.defaultCountry)}
      actions={bindOrgActions(orgSlug, {
        issueLink: issueTrackingLinkAction,
        checkIn: checkInAction,
        undoCheckIn: undoCheckInAction,
        setRsvp: setRsvpAction,
        cancel: cancelOccurrenceAction,
        move: moveOccurrenceAction,
        simulate: simulateApproachAction,
        reply: simulateReplyAction,
      })}
    />
  );
}
