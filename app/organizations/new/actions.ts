"use server";

import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import type { ActionResult } from "@/lib/http/action-result";
import { formToObject, runAction } from "@/lib/http/run-action";
import { createOrganization } from "@/lib/organizations/organizations";
import type { CreateOrganizationInput } from "@/lib/organizations/schemas";

export async function createOrganizationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("create-organization", async () => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
    const org = await createOrganization(user, formToObject(form) as CreateOrganizationInput);
    redirect(`/${org.slug}`);
  });
}
