import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import type { FormAction } from "@/lib/http/action-result";
import { ROLES, type Role } from "@/lib/tenant/roles";
import { InviteMemberForm } from "./invite-member-form";
import { InvitationsTable, MembersTable } from "./members-tables";

type Props = Omit<Parameters<typeof MembersTable>[0], "actions"> & {
  invitations: Parameters<typeof InvitationsTable>[0]["invitations"];
  actions: { invite: FormAction<{ link: string }>; change: FormAction; remove: FormAction; revoke: FormAction };
};

/** Who can see and manage the organization: invitations, the team with its roles, and what each role may do. */
export function MembersView({ members, invitations, me, assignableRoles, timeZone, actions }: Props) {
  const t = useTranslations("members");
  return (
    <div className="space-y-8">
      <PageHeader title={t("page.title")} description={t("page.description")} />
      <SectionCard title={t("invite.title")} description={t("invite.description")}>
        <InviteMemberForm invite={actions.invite} assignableRoles={assignableRoles} />
      </SectionCard>
      <SectionCard title={t("team.title", { count: members.length })}>
        <MembersTable members={members} me={me} assignableRoles={assignableRoles} timeZone={timeZone} actions={actions} />
      </SectionCard>
      {invitations.length > 0 ? (
        <SectionCard title={t("invitations.title", { count: invitations.length })}>
          <InvitationsTable invitations={invitations} timeZone={timeZone} revoke={actions.revoke} />
        </SectionCard>
      ) : null}
      <SectionCard title={t("roles.title")}>
        <dl className="grid gap-3 sm:grid-cols-2">
          {ROLES.map((role: Role) => (
            <div key={role} className="rounded-lg border border-slate-200 p-3">
              <dt className="text-sm font-semibold text-slate-900">{t("role", { role })}</dt>
              <dd className="text-sm text-slate-600">{t("roleDescription", { role })}</dd>
            </div>
          ))}
        </dl>
      </SectionCard>
    </div>
  );
}
