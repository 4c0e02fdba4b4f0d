"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { ResultText } from "@/components/ui/result-text";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";
import { ROLES, type Role } from "@/lib/tenant/roles";

type MemberProps = { membershipId: string; name: string; role: Role; assignableRoles: Role[] };

export function ChangeRoleForm({ change, membershipId, name, role, assignableRoles }: MemberProps & { change: FormAction }) {
  const t = useTranslations("members");
  const [state, action] = useActionState(change, idle);
  const options = ROLES.filter((r) => r === role || assignableRoles.includes(r));
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="membershipId" value={membershipId} />
      <Select name="role" defaultValue={role} aria-label={t("team.roleOf", { name })} wrapperClassName="w-40">
        {options.map((r) => (
          <option key={r} value={r}>
            {t("role", { role: r })}
          </option>
        ))}
      </Select>
      <SubmitButton variant="secondary" size="sm" pendingLabel={t("team.saving")}>
        {t("team.save")}
      </SubmitButton>
      <ResultText result={state} />
    </form>
  );
}

export function RemoveMemberForm({ remove, membershipId, name }: { remove: FormAction; membershipId: string; name: string }) {
  const t = useTranslations("members.remove");
  const [state, action] = useActionState(remove, idle);
  return (
    <ConfirmForm
      action={action}
      result={state}
      fields={{ membershipId }}
      trigger={t("trigger")}
      triggerLabel={t("triggerLabel", { name })}
      question={t("question", { name })}
      confirm={t("confirm")}
      pending={t("pending")}
    />
  );
}

export function RevokeInvitationForm({ revoke, invitationId, email }: { revoke: FormAction; invitationId: string; email: string }) {
  const t = useTranslations("members.invitations");
  const [state, action] = useActionState(revoke, idle);
  return (
    <form action={action} className="flex items-center justify-end gap-2">
      <input type="hidden" name="invitationId" value={invitationId} />
      <ResultText result={state} />
      <SubmitButton variant="ghost" size="sm" pendingLabel={t("withdrawing")} aria-label={t("withdrawLabel", { email })}>
        {t("withdraw")}
      </SubmitButton>
    </form>
  );
}
