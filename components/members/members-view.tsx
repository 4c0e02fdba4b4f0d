import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import type { FormAction } from "@/lib/http/action-result";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "@/lib/tenant/roles";
import { InviteMemberForm } from "./invite-member-form";
import { InvitationsTable, MembersTable } from "./members-tables";

type Props = Omit<Parameters<typeof MembersTable>[0], "actions"> & {
  invitations: Parameters<typeof InvitationsTable>[0]["invitations"];
  actions: { invite: FormAction<{ link: string }>; change: FormAction; remove: FormAction; revoke: FormAction };
};

/** Who can see and manage the organization: invitations, the team with its roles, and what each role may do. */
export function MembersView({ members, invitations, me, assignableRoles, timeZone, actions }: Props) {
  return (
    <div className="space-y-8">
      <PageHeader title="Members" description="Who can see and manage this organization, and what each role may do." />
      <SectionCard title="Invite someone" description="They get an e-mail with a link that works for 7 days.">
        <InviteMemberForm invite={actions.invite} assignableRoles={assignableRoles} />
      </SectionCard>
      <SectionCard title={`Team (${members.length})`}>
        <MembersTable members={members} me={me} assignableRoles={assignableRoles} timeZone={timeZone} actions={actions} />
      </SectionCard>
      {invitations.length > 0 ? (
        <SectionCard title={`Pending invitations (${invitations.length})`}>
          <InvitationsTable invitations={invitations} timeZone={timeZone} revoke={actions.revoke} />
        </SectionCard>
      ) : null}
      <SectionCard title="Roles">
        <dl className="grid gap-3 sm:grid-cols-2">
          {ROLES.map((role: Role) => (
            <div key={role} className="rounded-lg border border-slate-200 p-3">
              <dt className="text-sm font-semibold text-slate-900">{ROLE_LABELS[role]}</dt>
              <dd className="text-sm text-slate-600">{ROLE_DESCRIPTIONS[role]}</dd>
            </div>
          ))}
        </dl>
      </SectionCard>
    </div>
  );
}
