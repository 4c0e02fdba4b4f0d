"use server";

import { userAction } from "@/lib/adapters";
import { createOrganization } from "@/lib/organizations/organizations";
import { CreateOrganizationInput } from "@/lib/organizations/inputs";

export const createOrganizationAction = userAction({ name: "create-organization", input: CreateOrganizationInput }).run(
  async (user, input) => {
    const org = await createOrganization(user, input);
    return { redirect: `/${org.slug}` };
  },
);
