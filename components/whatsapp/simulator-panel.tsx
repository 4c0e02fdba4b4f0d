"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { Input } from "@/components/ui/input";
import { ResultText } from "@/components/ui/result-text";
import { Select } from "@/components/ui/select";
import type { ActionResult, FormAction } from "@/lib/http/action-result";
import type { ChatLine } from "@/lib/whatsapp/simulator/chat-line";
import { SimulatorChat } from "./simulator-chat";

/** What the simulator's action answers with: the participant's chat after the reply. */
export type SimulatorResult = { attendanceId: string; chat: ChatLine[] };

type Props = { instanceId: string; people: { attendanceId: string; name: string }[]; reply: FormAction<SimulatorResult> };

const REPLIES = ["confirm", "decline", "stop", "location_1km_away", "location_at_venue"] as const;
const idle: ActionResult<SimulatorResult> = { ok: true };

/**
 * Embedded mode only: reply as one of the participants. Each button posts a signed notification, shaped like
 * Meta's, to the app's real webhook, so RSVPs, opt-outs, check-ins and message statuses change as they would; the
 * participant's chat then shows what they got, in their language.
 */
export function WhatsAppSimulator({ instanceId, people, reply }: Props) {
  const t = useTranslations("simulator");
  const [result, act, pending] = useActionState(reply, idle);
  const [attendanceId, setAttendanceId] = useState(people[0]?.attendanceId ?? "");
  const sendText = useRef<HTMLButtonElement>(null);
  const text = useRef<HTMLInputElement>(null);
  // Submitted by hand rather than through `action`: React resets a form after its action, which would show the first
  // participant in the (controlled) list while the next reply still goes to the chosen one.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => act(data));
    if (data.get("reply") === "text" && text.current) text.current.value = "";
  };
  const chat = result.ok && result.data?.attendanceId === attendanceId ? result.data.chat : null;
  const name = people.find((p) => p.attendanceId === attendanceId)?.name ?? "";
  const label = (value: (typeof REPLIES)[number]) =>
    ({
      confirm: t("replies.confirm"),
      decline: t("replies.decline"),
      stop: t("replies.stop"),
      location_1km_away: t("replies.location1kmAway"),
      location_at_venue: t("replies.locationAtVenue"),
    })[value];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <form onSubmit={submit} aria-label={t("formLabel")} className="space-y-3">
          <HiddenFields values={{ instanceId, attendanceId }} />
          <label className="block space-y-1.5">
            <span className="text-sm font-medium text-slate-800">{t("participant")}</span>
            <Select value={attendanceId} onChange={(e) => setAttendanceId(e.target.value)}>
              {people.map((p) => (
                <option key={p.attendanceId} value={p.attendanceId}>
                  {p.name}
                </option>
              ))}
            </Select>
          </label>
          <div className="flex flex-wrap gap-2">
            {REPLIES.map((value) => (
              <Button key={value} type="submit" name="reply" value={value} variant="secondary" size="sm" disabled={pending}>
                {label(value)}
              </Button>
            ))}
          </div>
          <div className="flex flex-wrap items-end gap-2">
            <label className="min-w-48 flex-1 space-y-1.5">
              <span className="text-sm font-medium text-slate-800">{t("text")}</span>
              <Input
                ref={text}
                name="text"
                maxLength={1000}
                placeholder={t("textPlaceholder")}
                onKeyDown={(e) => {
                  // Enter sends the text, not the form's first button (Tap Confirm).
                  if (e.key !== "Enter") return;
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit(sendText.current);
                }}
              />
            </label>
            <Button ref={sendText} type="submit" name="reply" value="text" variant="secondary" size="sm" disabled={pending}>
              {t("sendText")}
            </Button>
            <Button type="submit" name="reply" value="view" variant="ghost" size="sm" disabled={pending}>
              {t("showChat")}
            </Button>
          </div>
          <ResultText result={result} />
        </form>
        {chat ? <SimulatorChat name={name} lines={chat} /> : null}
      </CardContent>
    </Card>
  );
}
