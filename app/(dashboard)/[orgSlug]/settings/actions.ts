"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/http/action-result";
import { formToObject, runAction } from "@/lib/http/run-action";
import { updateOrganization } from "@/lib/organizations/organizations";
import type { UpdateOrganizationInput } from "@/lib/organizations/schemas";
import { getOrgContext } from "@/lib/tenant/request-context";

export async function updateOrganizationAction(orgSlug: string, _: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("update-organization", async () => {
    await updateOrganization(await getOrgContext(orgSlug), formToObject(form) as UpdateOrganizationInput);
    revalidatePath(`/${orgSlug}`, "layout");
    return { ok: true, message: "Settings saved." };
  });
}
