"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/http/action-result";
import { formToObject, runAction } from "@/lib/http/run-action";
import { addToRoster, createParticipantOnRoster, removeFromRoster } from "@/lib/participants/participants";
import type { ParticipantInput } from "@/lib/participants/schemas";
import { getOrgContext } from "@/lib/auth/request-context";

function revalidateRoster(orgSlug: string, eventId: string) {
  revalidatePath(`/${orgSlug}/events/${eventId}`, "layout");
  revalidatePath(`/${orgSlug}/participants`);
}

export async function addNewParticipantAction(
  orgSlug: string,
  eventId: string,
  _: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  return runAction("add-new-participant", async () => {
    const ctx = await getOrgContext(orgSlug);
    const participant = await createParticipantOnRoster(ctx, { ...(formToObject(form) as ParticipantInput), eventId });
    revalidateRoster(orgSlug, eventId);
    return { ok: true, message: `${participant.name} is on the roster.` };
  });
}

export async function addExistingParticipantAction(
  orgSlug: string,
  eventId: string,
  _: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  return runAction("add-existing-participant", async () => {
    const ctx = await getOrgContext(orgSlug);
    const { added } = await addToRoster(ctx, { eventId, participantId: String(form.get("participantId") ?? "") });
    revalidateRoster(orgSlug, eventId);
    return { ok: true, message: added ? "Added to the roster." : "Already on the roster." };
  });
}

export async function removeFromRosterAction(
  orgSlug: string,
  eventId: string,
  _: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  return runAction("remove-from-roster", async () => {
    const ctx = await getOrgContext(orgSlug);
    const { futureAttendancesKept } = await removeFromRoster(ctx, { eventId, participantId: String(form.get("participantId") ?? "") });
    revalidateRoster(orgSlug, eventId);
    const kept = futureAttendancesKept > 0 ? ` ${futureAttendancesKept} upcoming answer(s) were kept.` : "";
    return { ok: true, message: `Removed from the roster.${kept}` };
  });
}
