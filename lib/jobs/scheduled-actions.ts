import type { RunDependencies } from "@/lib/schedule";
import { closeOccurrence } from "@/lib/whatsapp/outbound/close-occurrence";
import { whatsappSenderFor } from "@/lib/whatsapp/outbound/sender";

/**
 * How this app's scheduled actions take effect: their messages go out over WhatsApp, and the closure marks who never
 * arrived as a no-show. Wired here, above both, so lib/schedule imports neither WhatsApp nor the attendance rules.
 */
export const scheduledActionDependencies: RunDependencies = { senderFor: whatsappSenderFor, closeOccurrence };
