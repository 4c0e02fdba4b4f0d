"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/http/action-result";
import { appUrl } from "@/lib/http/app-url";
import { formToObject, runAction } from "@/lib/http/run-action";
import { sendMail } from "@/lib/mail/send-mail";
import { inviteMember, revokeInvitation } from "@/lib/members/invitations";
import { changeMemberRole, removeMember } from "@/lib/members/members";
import type { ChangeMemberRoleInput, InviteMemberInput, RemoveMemberInput, RevokeInvitationInput } from "@/lib/members/schemas";
import { getOrgContext } from "@/lib/auth/request-context";
import { ROLE_LABELS } from "@/lib/tenant/roles";

export async function inviteMemberAction(orgSlug: string, _: ActionResult<{ link: string }>, form: FormData) {
  return runAction<{ link: string }>("invite-member", async () => {
    const ctx = await getOrgContext(orgSlug);
    const { invitation, token } = await inviteMember(ctx, formToObject(form) as InviteMemberInput);
    const link = new URL(`/invite/${token}`, appUrl()).toString();
    await sendMail({
      to: invitation.email,
      subject: `You are invited to ${ctx.org.name} on Event-Coming`,
      text:
        `${ctx.actor.type === "user" ? ctx.actor.email : "Someone"} invited you to join ${ctx.org.name} ` +
        `as ${ROLE_LABELS[invitation.role]}.\n\nAccept within 7 days:\n\n${link}\n`,
    });
    revalidatePath(`/${orgSlug}/members`);
    return { ok: true, message: `Invitation sent to ${invitation.email}.`, data: { link } };
  });
}

export async function changeMemberRoleAction(orgSlug: string, _: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("change-member-role", async () => {
    await changeMemberRole(await getOrgContext(orgSlug), formToObject(form) as ChangeMemberRoleInput);
    revalidatePath(`/${orgSlug}/members`);
    return { ok: true, message: "Role updated." };
  });
}

export async function removeMemberAction(orgSlug: string, _: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("remove-member", async () => {
    await removeMember(await getOrgContext(orgSlug), formToObject(form) as RemoveMemberInput);
    revalidatePath(`/${orgSlug}/members`);
    return { ok: true, message: "Member removed." };
  });
}

export async function revokeInvitationAction(orgSlug: string, _: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("revoke-invitation", async () => {
    await revokeInvitation(await getOrgContext(orgSlug), formToObject(form) as RevokeInvitationInput);
    revalidatePath(`/${orgSlug}/members`);
    return { ok: true, message: "Invitation withdrawn." };
  });
}
