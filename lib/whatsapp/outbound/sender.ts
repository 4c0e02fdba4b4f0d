import { AppError } from "@/lib/errors";
import { englishMessage } from "@/lib/http";
import { toLocale, type Locale } from "@/lib/i18n";
import { englishNote, type ActionNote, type ScheduledMessage, type SenderFor, type SendOutcome } from "@/lib/schedule";
import { replyPayloadSecret } from "@/lib/whatsapp/secrets";
import type { WhatsAppMessage } from "@/lib/whatsapp/messages";
import type { WhatsAppTransport } from "@/lib/whatsapp/transport";
import { composeMessage, isInsideWindow, storedBody } from "./compose";
import { getTemplateChoices, type TemplateChoices } from "./templates";
import { transportFor } from "@/lib/whatsapp/transport-for";

const NO_NUMBER: ActionNote = { code: "whatsapp_not_set_up" };

/**
 * Scheduled messages over WhatsApp, each in its participant's language (theirs, else the organization's): the
 * organization's approved template for that language outside the 24-hour window, a free-form message inside it, sent
 * through the transport settings choose (the Cloud API, or the embedded mode's log).
 */
export const whatsappSenderFor: SenderFor = async (org, kind) => {
  const organizationLocale = toLocale(org.language);
  const templates = await getTemplateChoices(org.id, organizationLocale, kind);
  const transport = transportFor(org);
  // Only the confirmation carries signed reply buttons.
  const secret = kind === "confirmation" ? replyPayloadSecret() : "";
  return {
    configured: templates.configured,
    unavailable: transport ? null : NO_NUMBER,
    typeOf: (message) => (!insideWindow(message) ? "template" : message.kind === "confirmation" ? "interactive" : "text"),
    send: async (message) => {
      if (!transport) throw new AppError("PRECONDITION_FAILED", englishNote(NO_NUMBER));
      return send(transport, { templates, secret, organizationLocale }, message);
    },
  };
};

const insideWindow = (message: ScheduledMessage) => isInsideWindow(message.person.lastInboundAt, message.now);

async function send(
  transport: WhatsAppTransport,
  { templates, secret, organizationLocale }: { templates: TemplateChoices; secret: string; organizationLocale: Locale },
  message: ScheduledMessage,
): Promise<SendOutcome> {
  const locale = toLocale(message.person.language, organizationLocale);
  let built: WhatsAppMessage;
  try {
    built = composeMessage({ ...message, locale, insideWindow: insideWindow(message), template: templates.choose(locale), secret });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, failure: { code: "not_sendable", inWords: englishMessage(error), retriable: false } };
  }
  const stored = { type: built.type, body: storedBody(built, message.link?.token) };
  const result = await transport.send(built);
  if (result.ok) return { ok: true, stored, externalId: result.wamid, recipientExternalId: result.waId };
  return { ok: false, stored, failure: result };
}
