import { describe, expect, it } from "vitest";
import { formatterFor, translatorFor, type Locale } from "@/lib/i18n";
import { formatArrivalIn, formatClock, formatEventTime, formatMoment, zoneLabel } from "./page-format";
import { describeStatus } from "./status";

// Intl puts (narrow) no-break and thin spaces around some parts ("8:00 – 9:00 AM"): compare on plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u2009\u202f]/g, " ");
const words = (locale: Locale) => ({ t: translatorFor(locale, "tracking"), format: formatterFor(locale) });
const now = new Date("2026-11-24T07:00:00.000Z");

describe("the participant page's times, in the participant's language and the event's zone", () => {
  it("says when the event is, naming the zone", () => {
    const brazil = words("pt-BR");
    expect(plain(formatEventTime(brazil.t, brazil.format, "2026-11-24T10:30:00.000Z", "2026-11-24T11:30:00.000Z", "America/Sao_Paulo"))).toBe(
      "terça-feira, 24 de novembro, 07:30 – 08:30 (horário de Sao Paulo)",
    );
    const german = words("de");
    expect(plain(formatEventTime(german.t, german.format, "2026-11-24T07:00:00.000Z", "2026-11-24T08:00:00.000Z", "Europe/Berlin"))).toBe(
      "Dienstag, 24. November, 08:00–09:00 Uhr (Ortszeit Berlin)",
    );
    const english = words("en");
    expect(plain(formatEventTime(english.t, english.format, "2026-11-24T07:00:00.000Z", "2026-11-24T08:00:00.000Z", "Europe/Berlin"))).toBe(
      "Tuesday, November 24, 8:00 – 9:00 AM (Berlin time)",
    );
    const spanish = words("es");
    expect(plain(formatEventTime(spanish.t, spanish.format, "2026-11-24T22:30:00.000Z", "2026-11-25T00:30:00.000Z", "Europe/Madrid"))).toBe(
      "martes, 24 de noviembre, 23:30 – miércoles, 25 de noviembre, 01:30 (hora de Madrid)",
    );
    expect(zoneLabel(english.t, "UTC")).toBe("UTC");
    expect(zoneLabel(german.t, "America/Argentina/Buenos_Aires")).toBe("Ortszeit Buenos Aires");
  });

  it("prints a clock time in the event's zone, whatever the phone's", () => {
    expect(formatClock(words("pt-BR").format, "2026-11-24T10:30:00.000Z", "America/Sao_Paulo")).toBe("07:30");
    expect(plain(formatClock(words("en").format, "2026-11-24T10:30:00.000Z", "America/Sao_Paulo"))).toBe("07:30 AM");
  });

  it("says today or the day before the time", () => {
    const cases: [Locale, string, string][] = [
      ["pt-BR", "hoje às 10:30", "quarta-feira, 25 de novembro às 10:30"],
      ["es", "hoy a las 10:30", "el miércoles, 25 de noviembre a las 10:30"],
      ["de", "heute, 10:30 Uhr", "Mittwoch, 25. November, 10:30 Uhr"],
    ];
    for (const [locale, today, later] of cases) {
      const { t, format } = words(locale);
      expect(formatMoment(t, format, "2026-11-24T09:30:00.000Z", "Europe/Berlin", now)).toBe(today);
      expect(formatMoment(t, format, "2026-11-25T09:30:00.000Z", "Europe/Berlin", now)).toBe(later);
    }
  });

  it("says when the person arrives as a relative time", () => {
    const at = (min: number) => new Date(now.getTime() + min * 60_000).toISOString();
    const brazil = words("pt-BR");
    expect(formatArrivalIn(brazil.t, brazil.format, at(8), now)).toBe("em 8 minutos");
    expect(formatArrivalIn(brazil.t, brazil.format, at(0.5), now)).toBe("em menos de um minuto");
    const german = words("de");
    expect(formatArrivalIn(german.t, german.format, at(1), now)).toBe("in 1 Minute");
    expect(formatArrivalIn(german.t, german.format, at(130), now)).toBe("in 2 Stunden");
  });

  it("counts waiting positions with the language's plural", () => {
    const base = { phase: "sharing" as const, online: false, visible: true, retrying: false, noFix: false };
    expect(describeStatus(words("de").t, { ...base, pending: 1 }).title).toBe("Offline · 1 Position wartet");
    expect(describeStatus(words("de").t, { ...base, pending: 3 }).title).toBe("Offline · 3 Positionen warten");
    expect(describeStatus(words("pt-BR").t, { ...base, pending: 2 }).title).toBe("Sem conexão · 2 posições aguardando");
    expect(describeStatus(words("es").t, { ...base, online: true, retrying: true, pending: 1 }).title).toBe(
      "Compartiendo · 1 posición en espera",
    );
  });
});
