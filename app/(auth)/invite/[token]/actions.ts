"use server";

import { z } from "zod";
import { userAction } from "@/lib/adapters";
import { acceptInvitation } from "@/lib/members/invitations";

// Signed out (in another tab: the page shows this form to a signed-in user only), the builder's own refusal applies.
export const acceptInvitationAction = userAction({ name: "accept-invitation", input: z.object({ token: z.string() }) }).run(
  async (user, { token }) => {
    const slug = await acceptInvitation(user, token);
    return { redirect: `/${slug}` };
  },
);
