"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { Input } from "@/components/ui/input";
import { ResultText } from "@/components/ui/result-text";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { TD, TR } from "@/components/ui/table";
import { idle, type ActionResult, type FormAction } from "@/lib/http/action-result";
import { RSVPS, rsvpLabel } from "./labels";
import { TrackingLinkPanel } from "./tracking-link-panel";

/** One attendance as the table shows it; the server formats every time and distance in the event's zone. */
export type AttendanceRowView = {
  id: string;
  name: string;
  contact: string;
  isOptedOut: boolean;
  /** pending | confirmed | declined */
  rsvp: string;
  rsvpTone: BadgeTone;
  journey: string;
  journeyLabel: string;
  journeyTone: BadgeTone;
  journeyDetail: string | null;
  hasLink: boolean;
  link: { text: string; tone: BadgeTone } | null;
  /** "Location asked in WhatsApp at 07:12" (the tracking link's follow-up), or null. */
  locationRequested: string | null;
};

export type IssuedLink = { url: string; validUntil: string };

/** What staff do to one attendance, as server actions the page bound to its organization; each form posts the ids. */
export type AttendanceActions = {
  issueLink: FormAction<IssuedLink>;
  checkIn: FormAction;
  undoCheckIn: FormAction;
  setRsvp: FormAction;
};

type Props = {
  actions: AttendanceActions;
  instanceId: string;
  row: AttendanceRowView;
  canCheckIn: boolean;
  canIssueLink: boolean;
  /** Staff may record an answer given by phone or in person (until the occurrence ends). */
  canAnswer: boolean;
  columns: number;
  /** The event's zone, for the new link's end time. */
  timeZone: string;
  /** Set once the occurrence is over: a check-in by hand then says when they arrived (default: the start). */
  over?: { date: string; startTime: string } | null;
};

const idleLink: ActionResult<IssuedLink> = idle;
const LINK_TEXT: Partial<Record<BadgeTone, string>> = { success: "text-emerald-800", warning: "text-amber-800" };

export function AttendanceRow({ actions, instanceId, row, canCheckIn, canIssueLink, canAnswer, columns, timeZone, over = null }: Props) {
  const t = useTranslations("occurrences");
  const [linkResult, issueLink] = useActionState(actions.issueLink, idleLink);
  const [checkInResult, checkIn] = useActionState(actions.checkIn, idle);
  const [undoResult, undo] = useActionState(actions.undoCheckIn, idle);
  const [rsvpResult, setRsvp, settingRsvp] = useActionState(actions.setRsvp, idle);
  const ids = <HiddenFields values={{ instanceId, attendanceId: row.id }} />;
  // The link result current when "Re-issue link" was pressed: the question closes as soon as a newer result arrives.
  const [reissueAskedAt, setReissueAskedAt] = useState<ActionResult<IssuedLink> | null>(null);
  const confirmingReissue = reissueAskedAt !== null && reissueAskedAt === linkResult;
  // The URL of a link the organizer closed; a newer one opens the panel again.
  const [dismissedUrl, setDismissedUrl] = useState<string | null>(null);
  const issued = linkResult.ok && linkResult.data && linkResult.data.url !== dismissedUrl ? linkResult.data : null;
  const failure = [linkResult, checkInResult, undoResult, rsvpResult].find((r) => !r.ok);
  const isArrived = row.journey === "arrived";

  return (
    <>
      <TR data-testid="attendance-row">
        <TD>
          <span className="font-medium text-slate-900">{row.name}</span>
          {row.isOptedOut ? (
            <Badge tone="warning" className="ml-2">
              {t("attendance.optedOut")}
            </Badge>
          ) : null}
          <span className="block text-xs text-slate-500">{row.contact}</span>
        </TD>
        <TD>
          {canAnswer ? (
            <form action={setRsvp}>
              {ids}
              <Select
                name="rsvp"
                defaultValue={row.rsvp}
                key={row.rsvp}
                disabled={settingRsvp}
                aria-label={t("attendance.answerOf", { name: row.name })}
                title={t("attendance.answerHint")}
                wrapperClassName="w-40"
                className="h-8 text-sm"
                onChange={(event) => event.currentTarget.form?.requestSubmit()}
              >
                {RSVPS.map((value) => (
                  <option key={value} value={value}>
                    {rsvpLabel(t, value)}
                  </option>
                ))}
              </Select>
            </form>
          ) : (
            <Badge tone={row.rsvpTone}>{rsvpLabel(t, row.rsvp)}</Badge>
          )}
        </TD>
        <TD data-testid="journey" className="min-w-48 whitespace-normal">
          <Badge tone={row.journeyTone} dot={row.journey === "on_the_way"}>
            {row.journeyLabel}
          </Badge>{" "}
          {row.journeyDetail ? <span className="mt-0.5 block text-xs text-slate-600">{row.journeyDetail}</span> : null}
        </TD>
        <TD data-testid="link-state" className="min-w-32 whitespace-normal">
          {row.link ? (
            <span className={`text-sm ${LINK_TEXT[row.link.tone] ?? "text-slate-600"}`}>{row.link.text}</span>
          ) : (
            <span className="text-sm text-slate-400">{t("attendance.noLink")}</span>
          )}
          {row.locationRequested ? <span className="mt-0.5 block text-xs text-slate-600">{row.locationRequested}</span> : null}
        </TD>
        {columns === 5 ? (
          <TD className="text-right">
            <div className="flex flex-wrap items-center justify-end gap-2">
              {failure && !failure.ok ? <ResultText result={failure} /> : null}
              {canIssueLink && !confirmingReissue ? (
                row.hasLink ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={t("attendance.reissueLabel", { name: row.name })}
                    onClick={() => setReissueAskedAt(linkResult)}
                  >
                    {t("attendance.reissue")}
                  </Button>
                ) : (
                  <form action={issueLink}>
                    {ids}
                    <SubmitButton
                      variant="secondary"
                      size="sm"
                      pendingLabel={t("attendance.creating")}
                      aria-label={t("attendance.createLinkLabel", { name: row.name })}
                    >
                      {t("attendance.createLink")}
                    </SubmitButton>
                  </form>
                )
              ) : null}
              {canCheckIn ? (
                isArrived ? (
                  <form action={undo}>
                    {ids}
                    <SubmitButton
                      variant="ghost"
                      size="sm"
                      pendingLabel={t("attendance.undoing")}
                      aria-label={t("attendance.undoLabel", { name: row.name })}
                    >
                      {t("attendance.undo")}
                    </SubmitButton>
                  </form>
                ) : (
                  <form action={checkIn} className="flex items-center gap-2">
                    {ids}
                    {over ? (
                      <>
                        <input type="hidden" name="date" value={over.date} />
                        <Input
                          type="time"
                          name="time"
                          defaultValue={over.startTime}
                          required
                          className="h-8 w-36"
                          aria-label={t("attendance.arrivalTimeOf", { name: row.name })}
                        />
                      </>
                    ) : null}
                    <SubmitButton size="sm" pendingLabel={t("attendance.checkingIn")} aria-label={t("attendance.checkInLabel", { name: row.name })}>
                      {t("attendance.checkIn")}
                    </SubmitButton>
                  </form>
                )
              ) : null}
            </div>
          </TD>
        ) : null}
      </TR>
      {confirmingReissue ? (
        <TR className="bg-amber-50/60 [tbody_&]:hover:bg-amber-50/60">
          <TD colSpan={columns} className="whitespace-normal">
            <form action={issueLink} className="flex flex-wrap items-center justify-between gap-3">
              {ids}
              <p className="text-sm text-amber-950">{t("attendance.reissueQuestion", { name: row.name })}</p>
              <div className="flex shrink-0 items-center gap-2">
                <SubmitButton variant="danger" size="sm" pendingLabel={t("attendance.reissuing")}>
                  {t("attendance.reissueConfirm")}
                </SubmitButton>
                <Button variant="ghost" size="sm" onClick={() => setReissueAskedAt(null)}>
                  {t("attendance.keepLink")}
                </Button>
              </div>
            </form>
          </TD>
        </TR>
      ) : null}
      {issued && !confirmingReissue ? (
        <TR className="bg-brand-50/50 [tbody_&]:hover:bg-brand-50/50">
          <TD colSpan={columns} className="whitespace-normal">
            <TrackingLinkPanel
              name={row.name}
              url={issued.url}
              validUntil={issued.validUntil}
              timeZone={timeZone}
              onClose={() => setDismissedUrl(issued.url)}
            />
          </TD>
        </TR>
      ) : null}
    </>
  );
}
