// The WhatsApp domain's outbound side: the sender scheduled messages go through (the Cloud API or the embedded
// mode's log transport, as settings choose) and the templates an organization maps to each message kind. Client
// components keep importing the client-safe files themselves (classify.ts, template-preview.ts).

export { whatsappSenderFor } from "./outbound/sender";
export { DEFAULT_TEMPLATE_NAMES, getTemplateChoices, type OutboundKind, type TemplateChoice } from "./outbound/templates";
export {
  listTemplateSettings,
  saveTemplateSetting,
  SaveTemplateInput,
  type TemplateLanguage,
  type TemplateSetting,
} from "./template-settings";
export { closeOccurrence } from "./outbound/close-occurrence";
export { sendLocationFollowUps } from "./outbound/location-follow-ups";
