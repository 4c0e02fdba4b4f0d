"use server";

import { revalidatePath } from "next/cache";
import { checkInManually, setRsvpByStaff, undoCheckIn } from "@/lib/attendance";
import type { ActionResult } from "@/lib/http/action-result";
import { appUrl } from "@/lib/http/app-url";
import { runAction } from "@/lib/http/run-action";
import { issueTrackingLink } from "@/lib/tracking/links";
import { getOrgContext } from "@/lib/auth/request-context";

export type IssuedLink = { url: string; validUntil: string };

/** The full link exists only in this answer: the database keeps a hash of its token. */
export async function issueTrackingLinkAction(
  orgSlug: string,
  instanceId: string,
  attendanceId: string,
  _: ActionResult<IssuedLink>,
): Promise<ActionResult<IssuedLink>> {
  return runAction("issue-tracking-link", async () => {
    const link = await issueTrackingLink(await getOrgContext(orgSlug), attendanceId);
    revalidatePath(`/${orgSlug}/occurrences/${instanceId}`);
    return { ok: true, data: { url: `${appUrl()}${link.path}`, validUntil: link.validUntil.toISOString() } };
  });
}

/** Now, or (once the occurrence is over) at the form's `date` + `time`, in the event's zone. */
export async function checkInAction(
  orgSlug: string,
  instanceId: string,
  attendanceId: string,
  _: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  return runAction("check-in-manually", async () => {
    const [date, time] = [form.get("date"), form.get("time")];
    const arrivedAtLocal = typeof date === "string" && typeof time === "string" ? `${date}T${time}` : undefined;
    await checkInManually(await getOrgContext(orgSlug), attendanceId, { arrivedAtLocal });
    revalidatePath(`/${orgSlug}/occurrences/${instanceId}`);
  });
}

export async function undoCheckInAction(orgSlug: string, instanceId: string, attendanceId: string, _: ActionResult): Promise<ActionResult> {
  return runAction("undo-check-in", async () => {
    await undoCheckIn(await getOrgContext(orgSlug), attendanceId);
    revalidatePath(`/${orgSlug}/occurrences/${instanceId}`);
  });
}

/** An answer given by phone or in person: the form's `rsvp`. */
export async function setRsvpAction(
  orgSlug: string,
  instanceId: string,
  attendanceId: string,
  _: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  return runAction("set-rsvp", async () => {
    await setRsvpByStaff(await getOrgContext(orgSlug), attendanceId, { rsvp: String(form.get("rsvp") ?? "") });
    revalidatePath(`/${orgSlug}/occurrences/${instanceId}`);
  });
}
