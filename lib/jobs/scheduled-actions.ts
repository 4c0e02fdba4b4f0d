import type { RunDependencies } from "@/lib/schedule";
import { whatsappSenderFor } from "@/lib/whatsapp";
import { closeOccurrence } from "@/lib/whatsapp/outbound/close-occurrence";

/**
 * How this app's scheduled actions take effect: their messages go out over WhatsApp, and the closure marks who never
 * arrived as a no-show. Wired here, above both, so lib/schedule imports neither WhatsApp nor the attendance rules.
 */
export const scheduledActionDependencies: RunDependencies = { senderFor: whatsappSenderFor, closeOccurrence };
