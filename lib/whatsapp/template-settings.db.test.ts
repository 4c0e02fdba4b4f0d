import { describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, rejection } from "@/test/database";

connectTestDatabase();
const { listTemplateSettings, saveTemplateSetting } = await import("./template-settings");
const { getTemplateChoices } = await import("./outbound/templates");
const { given } = await import("@/test/given");

const reminderIn = (languages: Awaited<ReturnType<typeof listTemplateSettings>>, locale: string) =>
  languages.find((l) => l.locale === locale)?.templates.find((t) => t.kind === "reminder");

describe("WhatsApp template settings", () => {
  it("maps a message kind to the organization's approved template, used when sending, and back to the default", async () => {
    const a = await createTestOrg("Templates");
    expect(reminderIn(await listTemplateSettings(a.owner.ctx), "en")).toMatchObject({
      kind: "reminder",
      templateName: "event_reminder",
      language: "en",
      configured: false,
      fallbackLocale: null,
    });
    await saveTemplateSetting(a.owner.ctx, { kind: "reminder", locale: "en", templateName: "schul_erinnerung", language: "de" });
    expect((await getTemplateChoices(a.org.id, "en", "reminder")).choose("en")).toEqual({ templateName: "schul_erinnerung", language: "de", locale: "en", configured: true });
    await saveTemplateSetting(a.owner.ctx, { kind: "reminder", locale: "en", templateName: "schul_erinnerung_v2", language: "de" });
    expect(reminderIn(await listTemplateSettings(a.owner.ctx), "en")).toMatchObject({ templateName: "schul_erinnerung_v2", configured: true });
    await saveTemplateSetting(a.owner.ctx, { kind: "reminder", locale: "en", templateName: "", language: "en" });
    expect((await getTemplateChoices(a.org.id, "en", "reminder")).choose("en")).toMatchObject({ templateName: "event_reminder", configured: false });
  });

  it("refuses bad names, languages and locales, non-admins, and never touches another organization", async () => {
    const a = await createTestOrg("Templates A");
    const b = await createTestOrg("Templates B");
    expect(await rejection(saveTemplateSetting(a.owner.ctx, { kind: "confirmation", locale: "en", templateName: "Bad Name", language: "en" }))).toMatchObject({
      code: "VALIDATION",
      fields: { templateName: [expect.stringContaining("lowercase")] },
    });
    expect(await rejection(saveTemplateSetting(a.owner.ctx, { kind: "confirmation", locale: "en", templateName: "ok", language: "english" }))).toMatchObject({
      code: "VALIDATION",
      fields: { language: [expect.any(String)] },
    });
    const unknownLocale = { kind: "confirmation", locale: "fr", templateName: "ok", language: "fr" } as unknown as Parameters<typeof saveTemplateSetting>[1];
    expect(await rejection(saveTemplateSetting(a.owner.ctx, unknownLocale))).toMatchObject({ code: "VALIDATION", fields: { locale: [expect.any(String)] } });
    const manager = await a.add("manager");
    expect(await rejection(saveTemplateSetting(manager.ctx, { kind: "confirmation", locale: "en", templateName: "ok", language: "en" }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await listTemplateSettings(a.owner.ctx)).flatMap((l) => l.templates).every((t) => !t.configured)).toBe(true);
    await saveTemplateSetting(a.owner.ctx, { kind: "confirmation", locale: "en", templateName: "a_only", language: "en" });
    expect((await listTemplateSettings(b.owner.ctx)).flatMap((l) => l.templates).every((t) => !t.configured)).toBe(true);
    expect((await getTemplateChoices(b.org.id, "en", "confirmation")).choose("en")).toMatchObject({ templateName: "event_confirmation" });
  });
});

describe("WhatsApp templates per language", () => {
  it("lists the organization's language first, then the languages its participants have, previewed in each", async () => {
    const t = await given
      .org({ language: "de" })
      .occurrence()
      .people([{ name: "Jonas" }, { name: "Lena" }, { name: "Ana", language: "pt-BR" }]);
    const languages = await listTemplateSettings(t.owner.ctx);
    expect(languages.map((l) => [l.locale, l.isOrganization, l.inUse, l.participants])).toEqual([
      ["de", true, true, 2],
      ["pt-BR", false, true, 1],
      ["en", false, false, 0],
      ["es", false, false, 0],
    ]);
    const german = languages[0]!.templates.find((s) => s.kind === "confirmation")!;
    expect(german).toMatchObject({ templateName: "event_confirmation", language: "de", suggestedLanguage: "de", configured: false });
    expect(german.preview.body).toMatch(/^Hallo Anna, kommst du zu Schulweg am Morgen am Mo\., 7\. Jan\., 07:30\?/);
    expect(german.preview.buttons).toEqual(["Zusagen", "Absagen", "Keine Nachrichten"]);
    // Portuguese has no template of its own yet: it would get the organization's (German) one.
    const portuguese = languages[1]!.templates.find((s) => s.kind === "confirmation")!;
    expect(portuguese).toMatchObject({ templateName: "event_confirmation", language: "de", suggestedLanguage: "pt_BR", fallbackLocale: "de", configured: false });
    expect(portuguese.preview.buttons).toEqual(["Confirmar", "Não vou", "Parar mensagens"]);
  });

  it("sends each participant their language's template, else the organization language's, else the default in it", async () => {
    const t = await given.org({ language: "de" });
    const choices = () => getTemplateChoices(t.org.id, "de", "confirmation");
    // Nothing mapped: our default name in the organization's language, for everyone.
    expect((await choices()).choose("pt-BR")).toEqual({ templateName: "event_confirmation", language: "de", locale: "de", configured: false });
    expect((await choices()).configured).toBe(false);

    // A Portuguese template only: Portuguese participants get it, the others still the default; the organization's
    // own language is not mapped, so the kind does not count as configured (the closure would not be sent).
    await saveTemplateSetting(t.owner.ctx, { kind: "confirmation", locale: "pt-BR", templateName: "confirmacao_escola", language: "pt_BR" });
    expect((await choices()).choose("pt-BR")).toEqual({ templateName: "confirmacao_escola", language: "pt_BR", locale: "pt-BR", configured: true });
    expect((await choices()).choose("es")).toEqual({ templateName: "event_confirmation", language: "de", locale: "de", configured: false });
    expect((await choices()).configured).toBe(false);

    // With the organization's language mapped too, every other language falls back to it.
    await saveTemplateSetting(t.owner.ctx, { kind: "confirmation", locale: "de", templateName: "schule_zusage", language: "de" });
    expect((await choices()).configured).toBe(true);
    expect((await choices()).choose("es")).toEqual({ templateName: "schule_zusage", language: "de", locale: "de", configured: true });
    expect((await choices()).choose("de")).toEqual({ templateName: "schule_zusage", language: "de", locale: "de", configured: true });
    expect((await choices()).choose("pt-BR")).toEqual({ templateName: "confirmacao_escola", language: "pt_BR", locale: "pt-BR", configured: true });
    // A language with a template of its own is listed even when no participant has it any more.
    const listed = await listTemplateSettings(t.owner.ctx);
    expect(listed.filter((l) => l.inUse).map((l) => l.locale)).toEqual(["de", "pt-BR"]);
    expect(listed[1]!.templates.find((s) => s.kind === "confirmation")).toMatchObject({ configured: true, templateName: "confirmacao_escola", fallbackLocale: null });
    // Emptying the Portuguese name sends Portuguese participants the organization's template again.
    await saveTemplateSetting(t.owner.ctx, { kind: "confirmation", locale: "pt-BR", templateName: "", language: "pt_BR" });
    expect((await choices()).choose("pt-BR")).toEqual({ templateName: "schule_zusage", language: "de", locale: "de", configured: true });
  });
});
