"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { ResultText } from "@/components/ui/result-text";
import { Select } from "@/components/ui/select";
import { idle, type FormAction } from "@/lib/http/action-result";

type Props = { instanceId: string; people: { attendanceId: string; name: string }[]; reply: FormAction };

const REPLIES = [
  { value: "confirm", label: "Tap Confirm" },
  { value: "decline", label: "Tap Decline" },
  { value: "stop", label: "Send STOP" },
  { value: "location_1km_away", label: "Share location 1 km away" },
  { value: "location_at_venue", label: "Share location at the venue" },
] as const;

/**
 * Embedded mode only: reply as one of the participants. Each button posts a signed notification, shaped like
 * Meta's, to the app's real webhook, so RSVPs, opt-outs, check-ins and message statuses change as they would.
 */
export function WhatsAppSimulator({ instanceId, people, reply }: Props) {
  const [result, act, pending] = useActionState(reply, idle);
  return (
    <Card>
      <CardHeader>
        <CardTitle>WhatsApp simulator</CardTitle>
        <CardDescription>
          No WhatsApp number is connected. Act as a participant: each button sends what their phone would, signed, to this
          app&apos;s webhook.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form action={act} aria-label="WhatsApp simulator" className="space-y-3">
          <HiddenFields values={{ instanceId }} />
          <label className="block space-y-1.5">
            <span className="text-sm font-medium text-slate-800">Participant</span>
            <Select name="attendanceId" defaultValue={people[0]?.attendanceId}>
              {people.map((p) => (
                <option key={p.attendanceId} value={p.attendanceId}>
                  {p.name}
                </option>
              ))}
            </Select>
          </label>
          <div className="flex flex-wrap gap-2">
            {REPLIES.map((r) => (
              <Button key={r.value} type="submit" name="reply" value={r.value} variant="secondary" size="sm" disabled={pending}>
                {r.label}
              </Button>
            ))}
          </div>
          <ResultText result={result} />
        </form>
      </CardContent>
    </Card>
  );
}
