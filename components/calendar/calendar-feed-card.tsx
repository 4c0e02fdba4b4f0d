"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { CalendarIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { SectionCard } from "@/components/ui/section-card";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";

type Props = {
  scope: "event" | "organization";
  /** The https address and its webcal:// twin, both from the configured app URL. */
  feed: { url: string; webcalUrl: string };
  /** A manager's "new address" action with the fields it posts; null for everyone else. */
  regenerate: { action: FormAction; fields: Record<string, string> } | null;
};

/** The secret iCalendar address of an event or of the whole organization: copy it, open it, or replace it. */
export function CalendarFeedCard({ scope, feed, regenerate }: Props) {
  const t = useTranslations("calendarFeeds");
  const id = useId();
  return (
    <SectionCard
      title={scope === "event" ? t("eventTitle") : t("organizationTitle")}
      description={scope === "event" ? t("eventDescription") : t("organizationDescription")}
    >
      <div className="space-y-4">
        <Field id={id} label={t("address")} hint={t("secret")}>
          <Input readOnly value={feed.url} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        </Field>
        <div className="flex flex-wrap items-center gap-2">
          <CopyButton value={feed.url} label={t("copy")} />
          <a href={feed.webcalUrl} className={buttonClasses("secondary", "sm")}>
            <CalendarIcon size={16} />
            {t("open")}
          </a>
        </div>
        <p className="text-sm text-slate-600">{t("howTo")}</p>
        {regenerate ? <RegenerateFeed {...regenerate} /> : null}
      </div>
    </SectionCard>
  );
}

function RegenerateFeed({ action, fields }: { action: FormAction; fields: Record<string, string> }) {
  const t = useTranslations("calendarFeeds");
  const [state, formAction] = useActionState(action, idle);
  // Open until the action answers: a new result closes it (and shows what happened).
  const [openedAt, setOpenedAt] = useState<typeof state | null>(null);
  if (openedAt !== state) {
    return (
      <div className="space-y-3 border-t border-slate-200 pt-4">
        <FormMessage result={state} />
        <Button variant="secondary" size="sm" onClick={() => setOpenedAt(state)}>
          {t("regenerate")}
        </Button>
      </div>
    );
  }
  return (
    <form
      action={formAction}
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-3"
    >
      <HiddenFields values={fields} />
      <p className="text-sm text-amber-950">{t("regenerateQuestion")}</p>
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="danger" size="sm" pendingLabel={t("working")}>
          {t("regenerateConfirm")}
        </SubmitButton>
        <Button variant="ghost" size="sm" onClick={() => setOpenedAt(null)}>
          {t("keep")}
        </Button>
      </div>
    </form>
  );
}
