import { LOCALES, messagesFor, type Locale } from "@/lib/i18n";

/**
 * The words that, sent alone, ask to stop every message: each language's usual ones (the SMS keywords people know,
 * and what they would say). Every language's words work for every participant, since people write in their own
 * language whatever the organization set for them. Matched as whole messages only (see isOptOutText), so "cancelar"
 * or "abmelden" in a sentence about an event is an ordinary message; a whole-message "Cancelar" does opt out, and the
 * confirmation tells them how to get messages again.
 */
export const OPT_OUT_WORDS: Record<Locale, readonly string[]> = {
  en: ["STOP", "STOP ALL", "STOPALL", "UNSUBSCRIBE", "OPT OUT", "OPTOUT", "CANCEL", "END", "QUIT"],
  "pt-BR": ["PARAR", "PARE", "PARA", "SAIR", "CANCELAR", "DESCADASTRAR", "DESINSCREVER"],
  es: ["BAJA", "DAR DE BAJA", "DARME DE BAJA", "ALTO", "PARAR", "PARA", "DETENER", "CANCELAR", "DESUSCRIBIR", "DESUSCRIBIRME"],
  de: ["STOPP", "ABMELDEN", "ABBESTELLEN", "ABMELDUNG", "BEENDEN", "AUFHÖREN"],
};

/**
 * A message as a keyword: compatibility forms folded ("ＳＴＯＰ"), accents dropped ("AUFHÖREN" = "AUFHOREN"), upper
 * case, every run of spaces, punctuation, quotes or emoji one space, none at the ends ("«Parar!»" → "PARAR").
 */
export function asKeyword(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

let keywords: ReadonlySet<string> | undefined;

/** Every language's words, and the opt-out button's title in every language (someone may type what the button says). */
function optOutKeywords(): ReadonlySet<string> {
  keywords ??= new Set(
    LOCALES.flatMap((locale) => [...OPT_OUT_WORDS[locale], messagesFor(locale).whatsapp.buttons.optOut]).map(asKeyword),
  );
  return keywords;
}

/**
 * Whether a text message asks to stop all messages: the whole message is one of the opt-out words of any language, in
 * any case, with or without accents, surrounding spaces, quotes or punctuation ("stop", "Parar!", "«BAJA»", "Stopp.").
 * A sentence that merely contains one ("don't stop reminding me", "vou cancelar amanhã") is not an opt-out.
 */
export function isOptOutText(body: string): boolean {
  // Longer than any keyword with room for punctuation: a sentence, not a keyword.
  if (body.length > 60) return false;
  return optOutKeywords().has(asKeyword(body));
}
