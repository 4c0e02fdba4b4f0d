import { describe, expect, it } from "vitest";
import { asKeyword, isOptOutText, OPT_OUT_WORDS } from "./opt-out-words";

describe("isOptOutText", () => {
  it.each(["STOP", "stop", "Stop", " stop ", '"stop"', "Stop!", "«STOP»", "STOP.", "ＳＴＯＰ", "UNSUBSCRIBE", "Unsubscribe"])(
    "%j opts out",
    (text) => expect(isOptOutText(text)).toBe(true),
  );

  // STOPP is German for STOP, so it counts now; near-misses of a keyword still do not.
  it.each(["", "STOPS", "SSTOP", "stop it", "don't stop", "please stop sending", "Confirm", "STO P", "S T O P", "unsubscribed"])(
    "%j does not",
    (text) => expect(isOptOutText(text)).toBe(false),
  );

  it.each([
    // Brazilian Portuguese, with any case, accents and punctuation.
    "parar",
    "Parar!",
    "PARAR",
    "SAIR",
    "sair.",
    "Cancelar",
    "descadastrar",
    // Spanish.
    "BAJA",
    "¡Baja!",
    "alto",
    "Dar de baja",
    "dar  de   baja",
    // German.
    "STOPP",
    "Stopp.",
    "abmelden",
    "Abbestellen",
    "AUFHÖREN",
    "aufhoren",
    // English beyond STOP.
    "Cancel",
    "quit",
    "opt-out",
    "STOP ALL",
    // Each language's opt-out button title, typed out.
    "Stop messages",
    "Parar mensagens",
    "No más mensajes",
    "no mas mensajes",
    "Keine Nachrichten",
    // Emoji and quotes around the word.
    "🛑 PARAR 🛑",
    "“Sair”",
  ])("%j opts out in some language", (text) => expect(isOptOutText(text)).toBe(true));

  it.each([
    // Whole messages only: a sentence about an event that uses the word is an ordinary message.
    "Vou parar na padaria antes",
    "Preciso cancelar a ida de hoje",
    "quero sair mais cedo",
    "Parar aqui?",
    "Ich muss Lena für heute abmelden",
    "Der Bus hält am Stopp Hauptstraße",
    "Mi hijo está de baja hoy",
    "no puedo, baja la fiebre y vamos",
    "Please cancel my ride today",
    // Near-misses.
    "PARARAM",
    "SAIRÁ",
    "BAJAR",
    "ABMELDUNGEN",
    "Nachrichten",
  ])("%j does not", (text) => expect(isOptOutText(text)).toBe(false));

  it("ignores a long message whatever its words", () => {
    expect(isOptOutText(`${" ".repeat(80)}STOP`)).toBe(false);
  });

  it("folds case, accents, compatibility forms and punctuation the same way for the words and the message", () => {
    expect(asKeyword("  «Aufhören!»  ")).toBe("AUFHOREN");
    expect(asKeyword("ＰＡＲＡＲ")).toBe("PARAR");
    expect(asKeyword("opt-out")).toBe("OPT OUT");
    for (const words of Object.values(OPT_OUT_WORDS)) for (const word of words) expect(isOptOutText(word.toLowerCase())).toBe(true);
  });
});
