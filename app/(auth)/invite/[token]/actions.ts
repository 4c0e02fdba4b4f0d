"use server";

import { z } from "zod";
import { userAction } from "@/lib/adapters";
import { acceptInvitation } from "@/lib/members/invitations";

export const acceptInvitationAction = userAction({
  name: "accept-invitation",
  input: z.object({ token: z.string() }),
  signedOut: "Sign in to accept the invitation.",
}).run(async (user, { token }) => {
  const slug = await acceptInvitation(user, token);
  return { redirect: `/${slug}` };
});
