import { describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, rejection } from "@/test/database";

connectTestDatabase();
const { listTemplateSettings, saveTemplateSetting } = await import("./template-settings");
const { getTemplateChoice } = await import("./outbound/templates");

describe("WhatsApp template settings", () => {
  it("maps a message kind to the organization's approved template, used when sending, and back to the default", async () => {
    const a = await createTestOrg("Templates");
    expect((await listTemplateSettings(a.owner.ctx)).find((t) => t.kind === "reminder")).toEqual({
      kind: "reminder",
      templateName: "event_reminder",
      language: "en",
      configured: false,
    });
    await saveTemplateSetting(a.owner.ctx, { kind: "reminder", templateName: "schul_erinnerung", language: "de" });
    expect(await getTemplateChoice(a.org.id, "reminder")).toEqual({ templateName: "schul_erinnerung", language: "de", configured: true });
    await saveTemplateSetting(a.owner.ctx, { kind: "reminder", templateName: "schul_erinnerung_v2", language: "de" });
    expect((await listTemplateSettings(a.owner.ctx)).find((t) => t.kind === "reminder")).toMatchObject({ templateName: "schul_erinnerung_v2", configured: true });
    await saveTemplateSetting(a.owner.ctx, { kind: "reminder", templateName: "", language: "en" });
    expect(await getTemplateChoice(a.org.id, "reminder")).toMatchObject({ templateName: "event_reminder", configured: false });
  });

  it("refuses bad names and languages, non-admins, and never touches another organization", async () => {
    const a = await createTestOrg("Templates A");
    const b = await createTestOrg("Templates B");
    expect(await rejection(saveTemplateSetting(a.owner.ctx, { kind: "confirmation", templateName: "Bad Name", language: "en" }))).toMatchObject({
      code: "VALIDATION",
      fields: { templateName: [expect.stringContaining("lowercase")] },
    });
    expect(await rejection(saveTemplateSetting(a.owner.ctx, { kind: "confirmation", templateName: "ok", language: "english" }))).toMatchObject({
      code: "VALIDATION",
      fields: { language: [expect.any(String)] },
    });
    const manager = await a.add("manager");
    expect(await rejection(saveTemplateSetting(manager.ctx, { kind: "confirmation", templateName: "ok", language: "en" }))).toMatchObject({ code: "FORBIDDEN" });
    await saveTemplateSetting(a.owner.ctx, { kind: "confirmation", templateName: "a_only", language: "en" });
    expect((await listTemplateSettings(b.owner.ctx)).every((t) => !t.configured)).toBe(true);
    expect(await getTemplateChoice(b.org.id, "confirmation")).toMatchObject({ templateName: "event_confirmation" });
  });
});
