import { describe, expect, it } from "vitest";
import { translatorFor, type Locale } from "@/lib/i18n";
import { actionNoteText, storedNote, type ActionNote } from "./notes";

// A note's counts as each language says them: the plural of the messages and of the verb follow the numbers.
const say = (locale: Locale, note: ActionNote) => actionNoteText(translatorFor(locale, "occurrences"), storedNote(note));
const both: ActionNote = { code: "messages_failed_and_waiting", values: { failed: 2, waiting: 3, recipients: 6 } };

describe("actionNoteText", () => {
  it("words failures and retries with their counts in each language", () => {
    expect(say("en", both)).toBe("2 of 6 messages could not be sent. 3 of 6 messages are waiting to be sent again.");
    expect(say("pt-BR", both)).toBe("Não foi possível enviar 2 de 6 mensagens. 3 aguardam uma nova tentativa de envio.");
    expect(say("es", both)).toBe("No se pudieron enviar 2 de 6 mensajes. 3 esperan un nuevo intento de envío.");
    expect(say("de", both)).toBe("2 von 6 Nachrichten konnten nicht gesendet werden. 3 warten auf einen neuen Sendeversuch.");
    const one: ActionNote = { code: "messages_failed", values: { failed: 1, recipients: 1 } };
    expect(say("en", one)).toBe("1 of 1 message could not be sent.");
    expect(say("es", one)).toBe("No se pudo enviar 1 de 1 mensaje.");
  });

  it("keeps a job's English detail inside the reader's sentence, and an old row's sentence as it is", () => {
    expect(say("de", { code: "gave_up", values: { detail: "WhatsApp is down" } })).toBe("Nach mehreren Versuchen aufgegeben: WhatsApp is down");
    const old = { lastErrorCode: null, lastErrorValues: null, lastError: "Participant opted out over WhatsApp." };
    expect(actionNoteText(translatorFor("pt-BR", "occurrences"), old)).toBe("Participant opted out over WhatsApp.");
    expect(say("pt-BR", { code: "opted_out" })).toBe("A pessoa pediu pelo WhatsApp para não receber mais mensagens.");
    expect(actionNoteText(translatorFor("en", "occurrences"), storedNote(null))).toBeNull();
  });
});
