import type { Metadata } from "next";
import { formatDateTime } from "@/components/dashboard/format";
import { Forbidden } from "@/components/dashboard/forbidden";
import { InviteMemberForm } from "@/components/members/invite-member-form";
import { ChangeRoleForm, RemoveMemberForm, RevokeInvitationForm } from "@/components/members/member-actions";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listPendingInvitations } from "@/lib/members/invitations";
import { listMembers } from "@/lib/members/members";
import { requirePageContext } from "@/lib/auth/request-context";
import { CAPABILITIES, can, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "@/lib/tenant/roles";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const ctx = await requirePageContext(orgSlug);
  if (!can(ctx.role, "members.manage")) return <Forbidden role={ctx.role} needs={CAPABILITIES["members.manage"]} />;

  const [members, invitations] = await Promise.all([listMembers(ctx), listPendingInvitations(ctx)]);
  // Only owners hand out or touch the owner role; the domain enforces the same rule.
  const assignableRoles: Role[] = ctx.role === "owner" ? [...ROLES] : ROLES.filter((r) => r !== "owner");
  const myUserId = ctx.actor.type === "user" ? ctx.actor.userId : null;

  return (
    <div className="space-y-8">
      <PageHeader title="Members" description="Who can see and manage this organization, and what each role may do." />

      <Card>
        <CardHeader>
          <CardTitle>Invite someone</CardTitle>
          <CardDescription>They get an e-mail with a link that works for 7 days.</CardDescription>
        </CardHeader>
        <CardContent>
          <InviteMemberForm orgSlug={orgSlug} assignableRoles={assignableRoles} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Team ({members.length})</CardTitle>
        </CardHeader>
        <CardContent>
          <Table>
            <THead>
              <TR>
                <TH>Member</TH>
                <TH>Role</TH>
                <TH>Joined</TH>
                <TH className="text-right">
                  <span className="sr-only">Actions</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {members.map((m) => {
                const editable = m.role !== "owner" || ctx.role === "owner";
                return (
                  <TR key={m.membershipId} data-testid={`member-${m.email}`}>
                    <TD>
                      <div className="flex items-center gap-3">
                        <Avatar name={m.name} size="sm" decorative />
                        <div className="min-w-0">
                          <p className="font-medium text-slate-900">
                            {m.name} {m.userId === myUserId ? <Badge tone="neutral">You</Badge> : null}
                          </p>
                          <p className="text-xs text-slate-500">{m.email}</p>
                        </div>
                      </div>
                    </TD>
                    <TD>
                      {editable ? (
                        <ChangeRoleForm
                          orgSlug={orgSlug}
                          membershipId={m.membershipId}
                          name={m.name}
                          role={m.role}
                          assignableRoles={assignableRoles}
                        />
                      ) : (
                        <Badge tone="brand">{ROLE_LABELS[m.role]}</Badge>
                      )}
                    </TD>
                    <TD className="whitespace-nowrap">{formatDateTime(m.joinedAt, ctx.org.timeZone)}</TD>
                    <TD>{editable ? <RemoveMemberForm orgSlug={orgSlug} membershipId={m.membershipId} name={m.name} /> : null}</TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        </CardContent>
      </Card>

      {invitations.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Pending invitations ({invitations.length})</CardTitle>
          </CardHeader>
          <CardContent>
            <Table>
              <THead>
                <TR>
                  <TH>E-mail</TH>
                  <TH>Role</TH>
                  <TH>Expires</TH>
                  <TH className="text-right">
                    <span className="sr-only">Actions</span>
                  </TH>
                </TR>
              </THead>
              <TBody>
                {invitations.map((i) => (
                  <TR key={i.id}>
                    <TD className="font-medium text-slate-900">{i.email}</TD>
                    <TD>{ROLE_LABELS[i.role]}</TD>
                    <TD className="whitespace-nowrap">{formatDateTime(i.expiresAt, ctx.org.timeZone)}</TD>
                    <TD>
                      <RevokeInvitationForm orgSlug={orgSlug} invitationId={i.id} email={i.email} />
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Roles</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-3 sm:grid-cols-2">
            {ROLES.map((role) => (
              <div key={role} className="rounded-lg border border-slate-200 p-3">
                <dt className="text-sm font-semibold text-slate-900">{ROLE_LABELS[role]}</dt>
                <dd className="text-sm text-slate-600">{ROLE_DESCRIPTIONS[role]}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
