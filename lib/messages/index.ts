// The messages domain: the log of WhatsApp messages in and out. Outbound ones are reserved before they are sent
// (one row per slot, so nothing goes out twice) and record what became of them; the organizer reads them here.

export { failWaitingMessages } from "./fail-waiting";
export { countMessagesByStatus, listMessages, pageMessages, PageMessagesInput, type MessageRow } from "./list-messages";
export { summarizeOutcomes, wasSent, type MessageOutcomes, type ReasonCount } from "./outcomes";
export {
  failQueuedForOptOut,
  MAX_SEND_ATTEMPTS,
  recordFailed,
  recordRetryLater,
  recordSent,
  retryDelayMs,
  type Deferral,
  type RetriableFailure,
  type StoredMessage,
} from "./record";
export { reserveMessage, type MessageSlot, type Reservation } from "./reserve";
export { ListMessagesInput, MESSAGE_KINDS, MESSAGE_STATUSES, MessageKind, MessageStatus } from "./schemas";
