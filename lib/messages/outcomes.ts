/** WhatsApp accepted it: the statuses a message can reach only by going out. */
const ACCEPTED = new Set(["sent", "delivered", "read"]);

export const wasSent = (status: string) => ACCEPTED.has(status);

/** How many messages ended one way, and their failure codes (e.g. "pair_rate_limited"), in the order first seen. */
export type ReasonCount = { count: number; reasons: string[] };

/** Where each recipient's message of one scheduled action stands. */
export type MessageOutcomes = {
  /** Accepted by WhatsApp (sent, delivered or read). */
  sent: number;
  /** Queued and being sent right now. */
  sending: number;
  /** Queued after a failure a retry may fix: sent again later. */
  waiting: ReasonCount;
  /** Not sent, for good. */
  failed: ReasonCount;
};

/**
 * Counts outbound messages by what happened to each: "18 sent, 1 waiting to retry (WhatsApp rate limit for this
 * number), 1 failed". A queued row with an error code waits for its retry (lib/messages/reserve.ts).
 */
export function summarizeOutcomes(rows: { status: string; errorCode: string | null }[]): MessageOutcomes {
  const outcomes: MessageOutcomes = { sent: 0, sending: 0, waiting: { count: 0, reasons: [] }, failed: { count: 0, reasons: [] } };
  const add = (into: ReasonCount, code: string | null) => {
    into.count += 1;
    if (code && !into.reasons.includes(code)) into.reasons.push(code);
  };
  for (const row of rows) {
    if (wasSent(row.status)) outcomes.sent += 1;
    else if (row.status === "failed") add(outcomes.failed, row.errorCode);
    else if (row.status === "queued" && row.errorCode !== null) add(outcomes.waiting, row.errorCode);
    else if (row.status === "queued") outcomes.sending += 1;
  }
  return outcomes;
}
