import { recordSharedLocation, runAttendanceEffects } from "@/lib/attendance";
import type { LocationEvent } from "@/lib/whatsapp/webhook";
import type { InboundContext } from "./context";
import { recordInboundMessage, type Sender } from "./inbound-message";

/**
 * WhatsApp reports no accuracy for a shared location. It is the phone's GPS fix (or a place the person picked on the
 * map, which can be anywhere), so we take 30 m: a good outdoor GPS fix. With it a single shared location checks
 * someone in only when it lies at least 30 m inside the arrival radius (geofence `isSurelyInside`).
 */
export const WHATSAPP_LOCATION_ACCURACY_M = 30;

export type LocationOutcome = "arrived" | "stored" | "no_occurrence" | "journey_over" | "not_a_participant";

/**
 * A shared location is a point of the sender's attendance whose tracking window contains the message time, stored
 * and judged by lib/attendance like a tracking-link point (check-in method "whatsapp_location"). Outside any window,
 * or after arrival, the message is only recorded.
 */
export async function applyLocation(ctx: InboundContext, event: LocationEvent, sender: Sender | null): Promise<LocationOutcome> {
  const shared = sender
    ? await recordSharedLocation(ctx.tx, {
        organizationId: ctx.organizationId,
        participantId: sender.id,
        lat: event.latitude,
        lng: event.longitude,
        accuracyM: WHATSAPP_LOCATION_ACCURACY_M,
        at: event.timestamp,
      })
    : null;
  if (shared && shared.effects.length > 0) {
    const { effects } = shared;
    ctx.afterCommit(() => runAttendanceEffects(effects));
  }
  const outcome: LocationOutcome = shared?.outcome ?? "not_a_participant";
  await recordInboundMessage(ctx, {
    wamid: event.wamid,
    at: event.timestamp,
    type: "location",
    participantId: sender?.id ?? null,
    attendanceId: shared?.attendance?.id ?? null,
    instanceId: shared?.attendance?.instanceId ?? null,
    body: {
      latitude: event.latitude,
      longitude: event.longitude,
      outcome,
      ...(event.name ? { name: event.name } : {}),
      ...(event.address ? { address: event.address } : {}),
      ...(event.contactName ? { contactName: event.contactName } : {}),
    },
  });
  return outcome;
}
