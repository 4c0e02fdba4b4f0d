import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, rejection } from "@/test/database";
import type { Given, LinkedPerson } from "@/test/given";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { idle } = await import("@/lib/http");
const { chooseLanguageAction } = await import("@/app/t/[token]/actions");
const { chooseLinkLanguage } = await import("./link-language");
const { issueTrackingLink } = await import("./links");
const { unsafeLinkLocale } = await import("./link-locale");
const { given } = await import("@/test/given");

const HOUR = 3_600_000;

async function languageOf(organizationId: string, participantId: string): Promise<string | null> {
  const [row] = await getDb()
    .select({ language: schema.participants.language })
    .from(schema.participants)
    .where(and(eq(schema.participants.id, participantId), eq(schema.participants.organizationId, organizationId)));
  return row!.language;
}

describe("the tracking page's language switch", () => {
  let a: Given<LinkedPerson>;
  let b: Given<LinkedPerson>;
  beforeAll(async () => {
    a = await given.org({ name: "Language A" }).occurrence({ open: true }).people(6).links();
    b = await given.org({ name: "Language B" }).occurrence({ open: true }).people(1).links();
    // The other organization knows the same person (same phone) as a participant of its own.
    const [first] = await getDb().select().from(schema.participants).where(eq(schema.participants.id, a.people[0]!.attendance.participantId));
    await getDb().update(schema.participants).set({ phone: first!.phone }).where(eq(schema.participants.id, b.people[0]!.attendance.participantId));
  });

  it("stores a valid language on the participant, and the page then speaks it", async () => {
    const { link: { token }, attendance } = a.people[0]!;
    expect(await unsafeLinkLocale(token)).toBe("en");
    expect(await chooseLanguageAction(idle, { token, language: "pt-BR" })).toEqual({ ok: true, data: { language: "pt-BR" } });
    expect(await languageOf(a.org.id, attendance.participantId)).toBe("pt-BR");
    expect(await unsafeLinkLocale(token)).toBe("pt-BR");
    expect(await chooseLinkLanguage(token, { language: "de" })).toBe("de");
    expect(await languageOf(a.org.id, attendance.participantId)).toBe("de");
  });

  it("touches no one else: not the roster's other people, not another organization's participant", async () => {
    const { link: { token }, attendance } = a.people[1]!;
    await chooseLinkLanguage(token, { language: "es" });
    expect(await languageOf(a.org.id, attendance.participantId)).toBe("es");
    for (const other of a.people.slice(2)) expect(await languageOf(a.org.id, other.attendance.participantId)).toBeNull();
    expect(await languageOf(b.org.id, b.people[0]!.attendance.participantId)).toBeNull();
  });

  it("refuses a language the page does not have, with a clear error, and changes nothing", async () => {
    const { link: { token }, attendance } = a.people[2]!;
    const refused = await chooseLanguageAction(idle, { token, language: "fr" as "en" });
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION", fields: { language: ["Choose one of the page's languages: en, pt-BR, es, de."] } });
    const error = await rejection(chooseLinkLanguage(token, { language: "EN" }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fields).toEqual({ language: ["Choose one of the page's languages: en, pt-BR, es, de."] });
    expect(await languageOf(a.org.id, attendance.participantId)).toBeNull();
  });

  it("changes nothing for an unknown or replaced link", async () => {
    const unknown = await chooseLanguageAction(idle, { token: "x".repeat(43), language: "de" });
    expect(unknown).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await chooseLanguageAction(idle, { token: "not-a-token", language: "de" })).toMatchObject({ ok: false, code: "NOT_FOUND" });

    const { link: { token: old }, attendance } = a.people[3]!;
    await issueTrackingLink(a.owner.ctx, attendance.id);
    const replaced = await rejection(chooseLinkLanguage(old, { language: "de" }));
    expect(replaced).toMatchObject({ code: "GONE", details: { reason: "revoked" } });
    expect(await languageOf(a.org.id, attendance.participantId)).toBeNull();
  });

  it("works from before the window to its end, arrival included, and not after or for a cancelled occurrence", async () => {
    const { link: { token }, attendance } = a.people[4]!;
    const validFrom = new Date(Date.now() - 0.5 * HOUR);
    expect(await chooseLinkLanguage(token, { language: "es" }, new Date(validFrom.getTime() - HOUR))).toBe("es");
    await getDb().update(schema.attendances).set({ journey: "arrived", checkedInAt: new Date() }).where(eq(schema.attendances.id, attendance.id));
    expect(await chooseLinkLanguage(token, { language: "de" })).toBe("de");
    const afterWindow = await rejection(chooseLinkLanguage(token, { language: "en" }, new Date(Date.now() + 3 * HOUR)));
    expect(afterWindow).toMatchObject({ code: "GONE", details: { reason: "expired" } });
    expect(await languageOf(a.org.id, attendance.participantId)).toBe("de");

    await getDb().update(schema.eventInstances).set({ status: "cancelled" }).where(eq(schema.eventInstances.id, a.instance.id));
    const cancelled = await rejection(chooseLinkLanguage(a.people[5]!.link.token, { language: "de" }));
    expect(cancelled).toMatchObject({ code: "GONE", details: { reason: "cancelled" } });
    expect(await languageOf(a.org.id, a.people[5]!.attendance.participantId)).toBeNull();
  });

  it("limits how often one link changes it", async () => {
    const { token } = b.people[0]!.link;
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await chooseLanguageAction(idle, { token, language: i % 2 ? "es" : "de" }));
    expect(answers.slice(0, 10).every((r) => r.ok)).toBe(true);
    expect(answers[10]).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });
});
