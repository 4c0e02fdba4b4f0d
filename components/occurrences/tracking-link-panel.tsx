"use client";

import { useFormatter, useTranslations } from "next-intl";
import { formatDateTime } from "@/components/dashboard/format";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";

type Props = { name: string; url: string; validUntil: string; timeZone: string; onClose: () => void };

/**
 * A freshly issued tracking link. Only a hash of its token is stored, so this is the one time the full URL exists:
 * the organizer copies it now or re-issues later (which revokes this one).
 */
export function TrackingLinkPanel({ name, url, validUntil, timeZone, onClose }: Props) {
  const t = useTranslations("occurrences.linkPanel");
  const format = useFormatter();
  return (
    <div className="space-y-2" role="group" aria-label={t("label", { name })}>
      <div className="flex flex-wrap items-center gap-2">
        <Input
          readOnly
          value={url}
          aria-label={t("link", { name })}
          className="min-w-0 flex-1 font-mono text-xs sm:min-w-96"
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={url} label={t("copy")} />
        <Button variant="ghost" size="sm" onClick={onClose}>
          {t("done")}
        </Button>
      </div>
      <p className="text-xs text-slate-600">{t("note", { name, until: formatDateTime(format, validUntil, timeZone) })}</p>
    </div>
  );
}
