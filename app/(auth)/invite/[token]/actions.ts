"use server";

import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";
import { acceptInvitation } from "@/lib/members/invitations";

export async function acceptInvitationAction(token: string, _: ActionResult): Promise<ActionResult> {
  return runAction("accept-invitation", async () => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHORIZED", "Sign in to accept the invitation.");
    const slug = await acceptInvitation(user, token);
    redirect(`/${slug}`);
  });
}
