"use client";

import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";

type Props = { name: string; url: string; validUntil: string; timeZone: string; onClose: () => void };

/**
 * A freshly issued tracking link. Only a hash of its token is stored, so this is the one time the full URL exists:
 * the organizer copies it now or re-issues later (which revokes this one).
 */
export function TrackingLinkPanel({ name, url, validUntil, timeZone, onClose }: Props) {
  const until = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(validUntil));
  return (
    <div className="space-y-2" role="group" aria-label={`New tracking link for ${name}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Input
          readOnly
          value={url}
          aria-label={`Tracking link for ${name}`}
          className="min-w-0 flex-1 font-mono text-xs sm:min-w-96"
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={url} label="Copy link" />
        <Button variant="ghost" size="sm" onClick={onClose}>
          Done
        </Button>
      </div>
      <p className="text-xs text-slate-600">
        Send this to {name}. It is shown only now: we keep just a fingerprint of it. To get a link again, re-issue one
        (the old link then stops working). Works until {until}.
      </p>
    </div>
  );
}
