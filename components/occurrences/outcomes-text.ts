// Client-safe: what became of a scheduled action's messages, in words.
import type { MessageOutcomes, ReasonCount } from "@/lib/messages/outcomes";
import { failureTitle } from "@/lib/whatsapp/classify";

export type OutcomePart = { tone: "success" | "neutral" | "warning" | "danger"; text: string };

const withReasons = (words: string, { count, reasons }: ReasonCount) => {
  const titles = reasons.flatMap((code) => failureTitle(code) ?? []);
  return `${count} ${words}${titles.length > 0 ? ` (${titles.join("; ")})` : ""}`;
};

/**
 * "18 sent", "1 waiting to retry (WhatsApp rate limit for this number)", "1 failed (Outside the 24-hour window)":
 * one part per outcome that happened, in that order; empty when nothing went out yet.
 */
export function describeOutcomes(outcomes: MessageOutcomes): OutcomePart[] {
  const parts: OutcomePart[] = [];
  if (outcomes.sent > 0) parts.push({ tone: "success", text: `${outcomes.sent} sent` });
  if (outcomes.sending > 0) parts.push({ tone: "neutral", text: `${outcomes.sending} being sent` });
  if (outcomes.waiting.count > 0) parts.push({ tone: "warning", text: withReasons("waiting to retry", outcomes.waiting) });
  if (outcomes.failed.count > 0) parts.push({ tone: "danger", text: withReasons("failed", outcomes.failed) });
  return parts;
}
