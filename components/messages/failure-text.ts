// Client-safe: why a WhatsApp message did not go out, in the reader's language ("sendFailures" keys), from the stable
// code stored with it. A code without words of its own keeps the sentence stored with the message.
import type { Translator } from "@/lib/i18n/translator-type";
import { OWN_FAILURE_CODES, SEND_FAILURE_CODES } from "@/lib/whatsapp/classify";

const isOneOf = <K extends string>(values: readonly K[], value: string): value is K => (values as readonly string[]).includes(value);

/** Meta's own words, which lib/whatsapp/classify.ts quotes at the end of an unknown failure: “…” (error 135000). */
const metaSaid = (stored: string | null) => stored?.match(/“.*” \(error \d+\)\.$/)?.[0] ?? null;

/** A short name for a failure ("Outside the 24-hour window"), or null for a code without one. */
export function failureTitle(t: Translator<"sendFailures">, code: string | null): string | null {
  if (code === null) return null;
  if (isOneOf(SEND_FAILURE_CODES, code)) return t(`${code}.title`);
  if (isOneOf(OWN_FAILURE_CODES, code)) return t(`${code}.title`);
  return null;
}

/**
 * The sentence an organizer reads under a failed or waiting message: WhatsApp's reason in their language (with
 * Meta's own words when it gave some); a message that could not be written names the error it met.
 */
export function failureSentence(t: Translator<"sendFailures">, code: string | null, stored: string | null): string | null {
  if (code !== null && isOneOf(SEND_FAILURE_CODES, code)) {
    const said = metaSaid(stored);
    return said ? `${t(`${code}.inWords`)} ${said}` : t(`${code}.inWords`);
  }
  if (code === "not_sendable" && stored) return `${failureTitle(t, code)}: ${stored}`;
  return stored ?? failureTitle(t, code);
}
