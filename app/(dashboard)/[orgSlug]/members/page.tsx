import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/dashboard/forbidden";
import { MembersView } from "@/components/members/members-view";
import { bindOrgActions } from "@/lib/adapters";
import { listPendingInvitations } from "@/lib/members/invitations";
import { listMembers } from "@/lib/members/members";
import { requirePageContext } from "@/lib/auth/request-context";
import { CAPABILITIES, can, ROLES, type Role } from "@/lib/tenant/roles";
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members.page");
  return { title: t("title") };
}

export default async function MembersPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const ctx = await requirePageContext(orgSlug);
  if (!can(ctx.role, "members.manage")) return <Forbidden role={ctx.role} needs={CAPABILITIES["members.manage"]} />;

  const [members, invitations] = await Promise.all([listMembers(ctx), listPendingInvitations(ctx)]);
  // Only owners hand out or touch the owner role; the domain enforces the same rule.
  const assignableRoles: Role[] = ctx.role === "owner" ? [...ROLES] : ROLES.filter((r) => r !== "owner");
  return (
    <MembersView
      members={members}
      invitations={invitations}
      me={{ userId: ctx.actor.type === "user" ? ctx.actor.userId : null, role: ctx.role }}
      assignableRoles={assignableRoles}
      timeZone={ctx.org.timeZone}
      actions={bindOrgActions(orgSlug, {
        invite: inviteMemberAction,
        change: changeMemberRoleAction,
        remove: removeMemberAction,
        revoke: revokeInvitationAction,
      })}
    />
  );
}
