"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { archiveEvent, createEvent, deleteEvent, updateEvent } from "@/lib/occurrences/event-lifecycle";
import type { EventInput } from "@/lib/events/schemas";
import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";
import { changeThisAndFollowing } from "@/lib/occurrences/occurrences";
import { getOrgContext } from "@/lib/auth/request-context";

/** The editor posts its whole state as one JSON field; createEvent/updateEvent validate it. */
function readPayload(form: FormData): unknown {
  try {
    return JSON.parse(String(form.get("payload") ?? ""));
  } catch {
    throw new AppError("VALIDATION", "The form could not be read. Reload the page and try again.");
  }
}

/** What the editor saves: a new event, an existing one, or "this and following" from one occurrence on. */
export type EventFormTarget = { eventId: string | null; fromInstanceId?: string };

export async function saveEventAction(orgSlug: string, target: EventFormTarget, _: ActionResult, form: FormData): Promise<ActionResult> {
  let savedId = target.eventId;
  const result = await runAction("save-event", async () => {
    const ctx = await getOrgContext(orgSlug);
    const input = readPayload(form) as EventInput;
    if (target.fromInstanceId) {
      savedId = (await changeThisAndFollowing(ctx, { ...input, instanceId: target.fromInstanceId })).event.id;
    } else if (target.eventId) {
      savedId = (await updateEvent(ctx, { ...input, eventId: target.eventId })).id;
    } else {
      savedId = (await createEvent(ctx, input)).id;
    }
  });
  if (!result.ok) return result;
  revalidatePath(`/${orgSlug}`, "layout");
  redirect(`/${orgSlug}/events/${savedId}`);
}

export async function archiveEventAction(orgSlug: string, eventId: string, _: ActionResult): Promise<ActionResult> {
  return runAction("archive-event", async () => {
    await archiveEvent(await getOrgContext(orgSlug), { eventId });
    revalidatePath(`/${orgSlug}`, "layout");
    return { ok: true, message: "Event archived: no new occurrences are planned and pending messages are cancelled." };
  });
}

export async function deleteEventAction(orgSlug: string, eventId: string, _: ActionResult): Promise<ActionResult> {
  const result = await runAction("delete-event", async () => {
    await deleteEvent(await getOrgContext(orgSlug), { eventId });
  });
  if (!result.ok) return result;
  revalidatePath(`/${orgSlug}`, "layout");
  redirect(`/${orgSlug}/events`);
}
