"use server";

import { getTranslations } from "next-intl/server";
import { appUrl } from "@/lib/http";
import { orgAction } from "@/lib/adapters";
import { mailInvitation } from "@/lib/members";
import { inviteMember, revokeInvitation } from "@/lib/members/invitations";
import { changeMemberRole, removeMember } from "@/lib/members/members";
import { ChangeMemberRoleInput, InviteMemberInput, RemoveMemberInput, RevokeInvitationInput } from "@/lib/members/schemas";

const members = { capability: "members.manage", revalidate: ["/members"] } as const;

export const inviteMemberAction = orgAction({ name: "invite-member", input: InviteMemberInput, ...members }).run(async (ctx, input) => {
  const { invitation, token } = await inviteMember(ctx, input);
  const link = new URL(`/invite/${token}`, appUrl()).toString();
  await mailInvitation(ctx, { email: invitation.email, role: invitation.role, link });
  const t = await getTranslations("members.actions");
  return { ok: true, message: t("invited", { email: invitation.email }), data: { link } };
});

export const changeMemberRoleAction = orgAction({ name: "change-member-role", input: ChangeMemberRoleInput, ...members }).run(
  async (ctx, input) => {
    await changeMemberRole(ctx, input);
    const t = await getTranslations("members.actions");
    return { ok: true, message: t("roleUpdated") };
  },
);

export const removeMemberAction = orgAction({ name: "remove-member", input: RemoveMemberInput, ...members }).run(async (ctx, input) => {
  await removeMember(ctx, input);
  const t = await getTranslations("members.actions");
  return { ok: true, message: t("removed") };
});

export const revokeInvitationAction = orgAction({ name: "revoke-invitation", input: RevokeInvitationInput, ...members }).run(
  async (ctx, input) => {
    await revokeInvitation(ctx, input);
    const t = await getTranslations("members.actions");
    return { ok: true, message: t("withdrawn") };
  },
);
