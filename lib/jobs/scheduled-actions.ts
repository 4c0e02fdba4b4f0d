import type { RunDependencies } from "@/lib/schedule";
import { issueTrackingLink } from "@/lib/tracking";
import { closeOccurrence, whatsappSenderFor } from "@/lib/whatsapp";

/**
 * How this app's scheduled actions take effect: their messages go out over WhatsApp, the tracking-link message carries
 * a fresh link, and the closure marks who never arrived as a no-show. Wired here, above them all, so lib/schedule
 * imports neither WhatsApp, tracking nor the attendance rules.
 */
export const scheduledActionDependencies: RunDependencies = { senderFor: whatsappSenderFor, closeOccurrence, issueTrackingLink };
