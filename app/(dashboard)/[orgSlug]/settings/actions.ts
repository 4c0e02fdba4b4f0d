"use server";

import { getTranslations } from "next-intl/server";
import { orgAction } from "@/lib/adapters";
import { updateOrganization } from "@/lib/organizations/organizations";
import { UpdateOrganizationInput } from "@/lib/organizations/inputs";
import { saveTemplateSetting, SaveTemplateInput } from "@/lib/whatsapp/template-settings";

export const updateOrganizationAction = orgAction({
  name: "update-organization",
  input: UpdateOrganizationInput,
  capability: "organization.update",
  revalidate: ["/*"],
}).run(async (ctx, input) => {
  await updateOrganization(ctx, input);
  const t = await getTranslations("settings");
  return { ok: true, message: t("saved") };
});

export const saveTemplateAction = orgAction({
  name: "save-whatsapp-template",
  input: SaveTemplateInput,
  capability: "organization.update",
  revalidate: ["/settings"],
}).run(async (ctx, input) => {
  const saved = await saveTemplateSetting(ctx, input);
  const t = await getTranslations("whatsappTemplates");
  return { ok: true, message: saved.configured ? t("saved") : t("reset") };
});
