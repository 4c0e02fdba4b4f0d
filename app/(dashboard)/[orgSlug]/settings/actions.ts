"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/http/action-result";
import { formToObject, runAction } from "@/lib/http/run-action";
import { updateOrganization } from "@/lib/organizations/organizations";
import type { UpdateOrganizationInput } from "@/lib/organizations/schemas";
import { getOrgContext } from "@/lib/auth/request-context";
import { saveTemplateSetting, type SaveTemplateInput } from "@/lib/whatsapp/template-settings";

export async function updateOrganizationAction(orgSlug: string, _: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("update-organization", async () => {
    await updateOrganization(await getOrgContext(orgSlug), formToObject(form) as UpdateOrganizationInput);
    revalidatePath(`/${orgSlug}`, "layout");
    return { ok: true, message: "Settings saved." };
  });
}

export async function saveTemplateAction(orgSlug: string, _: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("save-whatsapp-template", async () => {
    // Parsed (zod) by saveTemplateSetting: the cast only names what it expects.
    const saved = await saveTemplateSetting(await getOrgContext(orgSlug), formToObject(form) as SaveTemplateInput);
    revalidatePath(`/${orgSlug}/settings`);
    return { ok: true, message: saved.configured ? "Template saved." : "Back to the default template." };
  });
}
