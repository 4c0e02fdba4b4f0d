import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CreateApiKeyInput } from "@/lib/api-keys/schemas";
import { SignUpInput } from "@/lib/auth/schemas";
import { AppError, fieldProblems, parseInput, wordFields, type FieldErrors } from "@/lib/errors";
import { EventInput } from "@/lib/events/schemas";
import { LOCALES, messagesFor, type Locale } from "@/lib/i18n";
import { ListOccurrencesPageInput } from "@/lib/occurrences/schemas";
import { UpdateOrganizationInput } from "@/lib/organizations/inputs";
import { CsvMapping, CsvText } from "@/lib/participants/csv/schemas";
import { ParticipantInput } from "@/lib/participants/schemas";
import { AttendanceReportInput } from "@/lib/reports/schemas";
import { WebhookEndpointInput } from "@/lib/webhooks/event-types";

// Refusals are keys worded by the reader's translator (lib/problems.ts). Every schema people fill in is refused here
// in many ways and worded in all four languages by a translator that fails on any ICU error: a key the catalog
// lacks, or a message using a value its issue does not give (a {maximum} on a minimum), would throw.

const strict = (locale: Locale) =>
  createTranslator({ locale, messages: messagesFor(locale), namespace: "problems", onError: (error) => { throw error; } });

/** The field messages of `input` refused by `schema`, as a reader of `locale` reads them. */
function refused(schema: z.ZodType, input: unknown, locale: Locale = "en"): FieldErrors {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof AppError && error.fields) return wordFields(strict(locale), error.fields);
    throw error;
  }
  throw new Error("expected the input to be refused");
}

const event = {
  title: "School run",
  kind: "periodic",
  dtstartLocal: "2030-09-02T07:30",
  durationMinutes: 60,
  timeZone: "Europe/Berlin",
  rule: { frequency: "weekly", interval: 1, weekdays: ["MO"], end: { type: "never" } },
  venueName: "School",
  venueLat: 52.5,
  venueLng: 13.4,
};

const CASES: [string, z.ZodType, unknown[]][] = [
  [
    "an event",
    EventInput,
    [
      { ...event, title: "", description: "x".repeat(2001), kind: "yearly", durationMinutes: 2, timeZone: "Mars/Base" },
      { ...event, title: "x".repeat(121), durationMinutes: 12.5, venueLat: "north", venueLng: 181, arrivalRadiusM: 10 },
      { ...event, dtstartLocal: "2030-02-30T07:30", arrivalRadiusM: 9000.5, travelMode: "flying", lateGraceMinutes: -1 },
      { ...event, dtstartLocal: "tomorrow", rule: undefined, exdates: Array(501).fill("2030-09-09T07:30"), lateGraceMinutes: 121 },
      { ...event, rule: { frequency: "weekly", interval: 0, weekdays: [], end: { type: "count", count: 0 } } },
      { ...event, rule: { frequency: "monthly", interval: 100, end: { type: "until", date: "someday" } }, venueName: "" },
      { ...event, schedule: { confirmationOffsetMinutes: -5, reminderOffsetMinutes: 20_000, trackingOffsetMinutes: "x", closureOffsetMinutes: 1.5 } },
    ],
  ],
  ["a participant", ParticipantInput, [{ name: "", phone: "", email: "kim@", language: "fr", metadata: { "": "x" } }, { name: "x".repeat(201), phone: "1".repeat(41), guardianOf: "x".repeat(201), metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }]],
  ["an organization", UpdateOrganizationInput, [{ name: "A", type: "club", timeZone: "Nowhere", defaultCountry: "XX", language: "fr", whatsappPhoneNumberId: "12", locationRetentionDays: "abc" }, { name: "x".repeat(81), type: "school", timeZone: "UTC", defaultCountry: "DE", whatsappPhoneNumberId: null, locationRetentionDays: 400 }, { name: "Ok", type: "school", timeZone: "UTC", defaultCountry: "DE", whatsappPhoneNumberId: null, locationRetentionDays: 0.5 }]],
  ["a sign-up", SignUpInput, [{ name: "", email: "no", password: "short" }, { name: "Kim", email: "kim@example.com", password: "long enough!", inviteToken: "x" }]],
  ["an API key", CreateApiKeyInput, [{ name: " ", role: "owner" }]],
  ["a report's dates", AttendanceReportInput, [{ eventId: "x", from: "2026-13-01" }, { eventId: crypto.randomUUID(), from: "2026-02-01", to: "2026-01-01" }, { eventId: crypto.randomUUID(), from: "2024-01-01", to: "2026-01-01" }]],
  ["an occurrence range", ListOccurrencesPageInput, [{ from: "x", to: "y" }, { from: "2026-01-01", to: "2025-01-01", limit: 0 }, { from: "2026-01-01", to: "2028-01-01", limit: 201 }]],
  ["a CSV import", z.object({ csvText: CsvText, mapping: CsvMapping }), [{ csvText: "", mapping: [] }, { csvText: "a", mapping: ["phone", "phone", "email", "email", ...Array(51).fill("metadata")] }, { csvText: "a", mapping: Array(201).fill("ignore") }]],
  ["a webhook endpoint", WebhookEndpointInput, [{ url: "", eventTypes: [] }, { url: "ftp://x", description: "x".repeat(201), eventTypes: ["nope"] }]],
];

describe("every schema's refusals", () => {
  it.each(CASES)("word %s in every language, each issue with the values its message uses", (_, schema, inputs) => {
    for (const input of inputs) {
      for (const locale of LOCALES) {
        for (const messages of Object.values(refused(schema, input, locale))) {
          for (const message of messages) expect(message).not.toMatch(/^problems\.|[{}]/);
        }
      }
    }
  });
});

describe("zod's issue kinds, worded once", () => {
  const Form = z.object({
    name: z.string().trim().min(1),
    code: z.string().min(3).max(5),
    count: z.number().int().min(1).max(2000),
    share: z.number().positive(),
    role: z.enum(["viewer", "staff"]),
    email: z.email(),
    tags: z.array(z.string()).min(1),
  });
  const bad = { name: " ", code: "toolong", count: 2500, share: 0, role: "owner", email: "x", tags: [] };

  it("say what is wrong in the reader's language, with the limits written as that language writes numbers", () => {
    expect(refused(Form, bad)).toEqual({
      name: ["Fill this in."],
      code: ["Use at most 5 characters."],
      count: ["Use 2,000 or less."],
      share: ["Use more than 0."],
      role: ["Choose one of: viewer, staff."],
      email: ["Enter a valid e-mail address."],
      tags: ["Give at least 1 item."],
    });
    expect(refused(Form, { ...bad, count: 1.5, name: 7 }, "de")).toMatchObject({ name: ["Dieser Wert ist nicht gültig."], count: ["Verwende eine ganze Zahl."] });
    expect(refused(Form, bad, "de").count).toEqual(["Verwende 2.000 oder weniger."]);
    expect(refused(Form, bad, "pt-BR").code).toEqual(["Use no máximo 5 caracteres."]);
    expect(refused(Form, bad, "es").tags).toEqual(["Indica al menos 1 elemento."]);
  });

  it("keep a message given as words as it is, and give a schema's own key the issue's numbers", () => {
    const Seats = z.object({ seats: z.number().min(1, "At least one seat."), minutes: z.number().max(90, "events.minutesAtMost") });
    expect(refused(Seats, { seats: 0, minutes: 120 }, "es")).toEqual({ seats: ["At least one seat."], minutes: ["Usa como máximo 90 minutos."] });
    // A parse that did not go through parseInput keeps zod's own words, which nobody is shown.
    const raw = Seats.safeParse({ seats: "x", minutes: 1 });
    expect(wordFields(strict("en"), fieldProblems(raw.error!)).seats?.[0]).toMatch(/^Invalid input/);
  });
});
