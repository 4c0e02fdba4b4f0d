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

// For reading, not for deciding: sent < delivered < read, and a failure last.
const readingRank: Partial<Record<MessageStatus, number>> = { queued: 0, received: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/**
 * A message's status history as a person reads it: one entry per status, in status order, each at its own time (the
 * first report of it). The stored history keeps every report as it arrived, out of order and repeated.
 */
export function historyInStatusOrder<T extends { status: string; at: string }>(history: T[]): T[] {
  const first = new Map<string, T>();
  for (const entry of history) {
    const seen = first.get(entry.status);
    if (!seen || Date.parse(entry.at) < Date.parse(seen.at)) first.set(entry.status, entry);
  }
  const rankOf = (status: string) => readingRank[status as MessageStatus] ?? 5;
  return [...first.values()].sort((a, b) => rankOf(a.status) - rankOf(b.status) || Date.parse(a.at) - Date.parse(b.at));
}
