import { useFormatter, useTranslations } from "next-intl";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { FormAction } from "@/lib/http/action-result";
import type { Role } from "@/lib/tenant/roles";
import { ChangeRoleForm, RemoveMemberForm, RevokeInvitationForm } from "./member-actions";

type Member = { membershipId: string; userId: string; name: string; email: string; role: Role; joinedAt: Date };
type Invitation = { id: string; email: string; role: Role; expiresAt: Date };

function ActionsHead() {
  const t = useTranslations("members");
  return (
    <TH className="text-right">
      <span className="sr-only">{t("actionsColumn")}</span>
    </TH>
  );
}

type MembersProps = {
  members: Member[];
  /** The viewer: "You" beside their row; only an owner touches the owner role (the domain enforces the same). */
  me: { userId: string | null; role: Role };
  assignableRoles: Role[];
  timeZone: string;
  actions: { change: FormAction; remove: FormAction };
};

export function MembersTable({ members, me, assignableRoles, timeZone, actions }: MembersProps) {
  const t = useTranslations("members");
  const format = useFormatter();
  return (
    <Table>
      <THead>
        <TR>
          <TH>{t("team.member")}</TH>
          <TH>{t("team.role")}</TH>
          <TH>{t("team.joined")}</TH>
          <ActionsHead />
        </TR>
      </THead>
      <TBody>
        {members.map((m) => {
          const editable = m.role !== "owner" || me.role === "owner";
          return (
            <TR key={m.membershipId} data-testid={`member-${m.email}`}>
              <TD>
                <div className="flex items-center gap-3">
                  <Avatar name={m.name} size="sm" decorative />
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">
                      {m.name} {m.userId === me.userId ? <Badge tone="neutral">{t("team.you")}</Badge> : null}
                    </p>
                    <p className="text-xs text-slate-500">{m.email}</p>
                  </div>
                </div>
              </TD>
              <TD>
                {editable ? (
                  <ChangeRoleForm
                    change={actions.change}
                    membershipId={m.membershipId}
                    name={m.name}
                    role={m.role}
                    assignableRoles={assignableRoles}
                  />
                ) : (
                  <Badge tone="brand">{t("role", { role: m.role })}</Badge>
                )}
              </TD>
              <TD className="whitespace-nowrap">{format.dateTime(m.joinedAt, { dateStyle: "medium", timeStyle: "short", timeZone })}</TD>
              <TD>{editable ? <RemoveMemberForm remove={actions.remove} membershipId={m.membershipId} name={m.name} /> : null}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}

export function InvitationsTable({ invitations, timeZone, revoke }: { invitations: Invitation[]; timeZone: string; revoke: FormAction }) {
  const t = useTranslations("members");
  const format = useFormatter();
  return (
    <Table>
      <THead>
        <TR>
          <TH>{t("invitations.email")}</TH>
          <TH>{t("invitations.role")}</TH>
          <TH>{t("invitations.expires")}</TH>
          <ActionsHead />
        </TR>
      </THead>
      <TBody>
        {invitations.map((i) => (
          <TR key={i.id}>
            <TD className="font-medium text-slate-900">{i.email}</TD>
            <TD>{t("role", { role: i.role })}</TD>
            <TD className="whitespace-nowrap">{format.dateTime(i.expiresAt, { dateStyle: "medium", timeStyle: "short", timeZone })}</TD>
            <TD>
              <RevokeInvitationForm revoke={revoke} invitationId={i.id} email={i.email} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
