"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";

/** Archive (stops planning, keeps history) or delete (removes everything) — each behind a confirmation. */
type Props = { eventId: string; title: string; archived: boolean; actions: { archive: FormAction; remove: FormAction } };

export function EventDangerZone({ eventId, title, archived, actions }: Props) {
  const t = useTranslations("events.danger");
  const [archiveState, archive] = useActionState(actions.archive, idle);
  const [deleteState, remove] = useActionState(actions.remove, idle);
  const [confirming, setConfirming] = useState<"archive" | "delete" | null>(null);
  return (
    <div className="space-y-3">
      <FormMessage result={archiveState} />
      <FormMessage result={deleteState} />
      {confirming === null ? (
        <div className="flex flex-wrap gap-2">
          {archived ? null : (
            <Button variant="secondary" onClick={() => setConfirming("archive")}>
              {t("archive")}
            </Button>
          )}
          <Button variant="danger" onClick={() => setConfirming("delete")}>
            {t("delete")}
          </Button>
        </div>
      ) : (
        <form
          action={confirming === "archive" ? archive : remove}
          className="flex flex-wrap items-center gap-3 rounded-lg border border-red-200 bg-red-50 p-3"
        >
          <HiddenFields values={{ eventId }} />
          <p className="text-sm text-red-900">
            {confirming === "archive" ? t("archiveQuestion", { title }) : t("deleteQuestion", { title })}
          </p>
          <SubmitButton variant="danger" size="sm" pendingLabel={t("working")}>
            {confirming === "archive" ? t("archiveConfirm") : t("deleteConfirm")}
          </SubmitButton>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(null)}>
            {t("keep")}
          </Button>
        </form>
      )}
    </div>
  );
}
