export { answerHandshake, type HandshakeAnswer } from "./handshake";
export {
  normalizeWebhook,
  receiptKey,
  toE164,
  type LocationEvent,
  type NormalizeResult,
  type ReplyEvent,
  type StatusEvent,
  type TextEvent,
  type UnknownEvent,
  type WebhookEvent,
} from "./normalize";
export {
  decodeReplyPayload,
  encodeReplyPayload,
  MAX_BUTTON_ID_LENGTH,
  MAX_REPLY_PAYLOAD_LENGTH,
  ReplyAction,
} from "./reply-payload";
export { isOptOutText, OPT_OUT_WORDS } from "./opt-out-words";
export { signBody, verifySignature } from "./signature";
export { historyInStatusOrder, nextStatus, type MessageStatus } from "./status-order";
