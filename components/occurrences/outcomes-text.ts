// Client-safe: what became of a scheduled action's messages, in the reader's words ("occurrences.outcomes" keys).
import type { Translator } from "@/lib/i18n/translator-type";
import type { MessageOutcomes, ReasonCount } from "@/lib/messages/outcomes";
import { failureTitle } from "@/components/messages/failure-text";

export type OutcomePart = { tone: "success" | "neutral" | "warning" | "danger"; text: string };

/** WhatsApp's reasons by name ("Outside the 24-hour window"). */
const reasonsOf = (t: Translator<"sendFailures">, { reasons }: ReasonCount) =>
  reasons.flatMap((code) => failureTitle(t, code) ?? []).join("; ");

/**
 * "18 sent", "1 waiting to retry (WhatsApp rate limit for this number)", "1 failed (Outside the 24-hour window)":
 * one part per outcome that happened, in that order; empty when nothing went out yet.
 */
export function describeOutcomes(
  t: Translator<"occurrences">,
  failures: Translator<"sendFailures">,
  outcomes: MessageOutcomes,
): OutcomePart[] {
  const parts: OutcomePart[] = [];
  if (outcomes.sent > 0) parts.push({ tone: "success", text: t("outcomes.sent", { count: outcomes.sent }) });
  if (outcomes.sending > 0) parts.push({ tone: "neutral", text: t("outcomes.sending", { count: outcomes.sending }) });
  if (outcomes.waiting.count > 0) {
    const reasons = reasonsOf(failures, outcomes.waiting);
    const text = reasons
      ? t("outcomes.waitingBecause", { count: outcomes.waiting.count, reasons })
      : t("outcomes.waiting", { count: outcomes.waiting.count });
    parts.push({ tone: "warning", text });
  }
  if (outcomes.failed.count > 0) {
    const reasons = reasonsOf(failures, outcomes.failed);
    const text = reasons
      ? t("outcomes.failedBecause", { count: outcomes.failed.count, reasons })
      : t("outcomes.failed", { count: outcomes.failed.count });
    parts.push({ tone: "danger", text });
  }
  return parts;
}
