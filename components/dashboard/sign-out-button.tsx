"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { LogOutIcon } from "@/components/ui/icons";
import { idle, type FormAction } from "@/lib/http/action-result";

export function SignOutButton({ signOut }: { signOut: FormAction }) {
  const t = useTranslations("shell");
  const [, action] = useActionState(signOut, idle);
  return (
    <form action={action}>
      <button
        type="submit"
        className="rounded-lg p-2 text-slate-500 hover:bg-slate-100 hover:text-slate-900 [&_svg]:size-[18px]"
        aria-label={t("signOut")}
        title={t("signOut")}
      >
        <LogOutIcon />
      </button>
    </form>
  );
}
