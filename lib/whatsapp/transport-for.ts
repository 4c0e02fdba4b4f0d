import { logger } from "@/lib/logger";
import { env } from "@/lib/env";
import { metrics } from "@/lib/metrics";
import { cloudTransport, logTransport, type WhatsAppTransport } from "@/lib/whatsapp/transport";

/**
 * The transport settings choose (lib/env.ts): the Cloud API with the organization's own phone number id, or the log
 * transport of the embedded mode. The log transport keeps nothing itself: the caller stores every message, sent
 * either way, in `messages` with its wamid, which is the outbox the dashboard shows. Null: the organization has no
 * WhatsApp number configured, so nothing can be sent.
 */
export function transportFor(org: { id: string; whatsappPhoneNumberId: string | null }): WhatsAppTransport | null {
  const transport = chooseTransport(org);
  return transport && counted(transport);
}

/** Every send counted by transport and outcome (ec_whatsapp_sends_total). */
function counted(transport: WhatsAppTransport): WhatsAppTransport {
  return {
    kind: transport.kind,
    async send(message) {
      const result = await transport.send(message);
      const outcome = result.ok ? "sent" : result.retriable ? "retriable" : "failed";
      metrics.whatsappSends.inc({ transport: transport.kind, outcome });
      return result;
    },
  };
}

function chooseTransport(org: { id: string; whatsappPhoneNumberId: string | null }): WhatsAppTransport | null {
  const settings = env();
  if (settings.whatsapp === "log") {
    return logTransport(({ wamid, message }) => {
      logger.debug({ organizationId: org.id, wamid, type: message.type }, "whatsapp message kept in the outbox (log transport)");
    });
  }
  const accessToken = settings.WHATSAPP_ACCESS_TOKEN;
  if (!accessToken || !org.whatsappPhoneNumberId) return null;
  return cloudTransport({
    baseUrl: settings.WHATSAPP_API_BASE_URL,
    apiVersion: settings.WHATSAPP_API_VERSION,
    phoneNumberId: org.whatsappPhoneNumberId,
    accessToken,
  });
}
