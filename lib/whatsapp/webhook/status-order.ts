import type { messageStatus } from "@/db/schema/whatsapp";

export type MessageStatus = (typeof messageStatus.enumValues)[number];

// Statuses arrive out of order and repeat. Ranking them makes the stored status the highest one seen, whatever the
// order of arrival: failed outranks sent/delivered (a send can fail after WhatsApp accepted it) but not read
// (a read message reached the person, whatever else was reported).
const rank: Partial<Record<MessageStatus, number>> = { queued: 0, sent: 1, delivered: 2, failed: 3, read: 4 };

/**
 * The status to store when `incoming` is reported for a message currently at `current`, or null when nothing changes
 * (a repeat, an older status arriving late, or an inbound message, which has no delivery statuses).
 */
export function nextStatus(current: MessageStatus, incoming: MessageStatus): MessageStatus | null {
  const from = rank[current];
  const to = rank[incoming];
  if (from === undefined || to === undefined) return null;
  return to > from ? incoming : null;
}
