"use client";

import { useActionState } from "react";
import {
  changeMemberRoleAction,
  removeMemberAction,
  revokeInvitationAction,
} from "@/app/(dashboard)/[orgSlug]/members/actions";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { ResultText } from "@/components/ui/result-text";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/http/action-result";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/tenant/roles";

type MemberProps = { orgSlug: string; membershipId: string; name: string; role: Role; assignableRoles: Role[] };

export function ChangeRoleForm({ orgSlug, membershipId, name, role, assignableRoles }: MemberProps) {
  const [state, action] = useActionState(changeMemberRoleAction.bind(null, orgSlug), idle);
  const options = ROLES.filter((r) => r === role || assignableRoles.includes(r));
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="membershipId" value={membershipId} />
      <Select name="role" defaultValue={role} aria-label={`Role of ${name}`} wrapperClassName="w-36">
        {options.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </Select>
      <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
        Save
      </SubmitButton>
      <ResultText result={state} />
    </form>
  );
}

export function RemoveMemberForm({ orgSlug, membershipId, name }: Omit<MemberProps, "role" | "assignableRoles">) {
  const [state, action] = useActionState(removeMemberAction.bind(null, orgSlug), idle);
  return (
    <ConfirmForm
      action={action}
      result={state}
      fields={{ membershipId }}
      trigger="Remove"
      triggerLabel={`Remove ${name}`}
      question={`Remove ${name}?`}
      confirm="Yes, remove"
      pending="Removing…"
    />
  );
}

export function RevokeInvitationForm({ orgSlug, invitationId, email }: { orgSlug: string; invitationId: string; email: string }) {
  const [state, action] = useActionState(revokeInvitationAction.bind(null, orgSlug), idle);
  return (
    <form action={action} className="flex items-center justify-end gap-2">
      <input type="hidden" name="invitationId" value={invitationId} />
      <ResultText result={state} />
      <SubmitButton variant="ghost" size="sm" pendingLabel="Withdrawing…" aria-label={`Withdraw invitation for ${email}`}>
        Withdraw
      </SubmitButton>
    </form>
  );
}
