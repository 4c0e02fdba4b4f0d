"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { archiveEvent, createEvent, deleteEvent, updateEvent } from "@/lib/occurrences/event-lifecycle";
import { EventIdInput, type EventInput } from "@/lib/events/schemas";
import { orgAction } from "@/lib/adapters";
import { changeThisAndFollowing } from "@/lib/occurrences/occurrences";

/** What the editor saves: a new event, an existing one (`eventId`), or "this and following" from `fromInstanceId` on. */
const SaveEventForm = z.object({
  eventId: z.string().optional(),
  fromInstanceId: z.string().optional(),
  /** The editor's whole state as one JSON field; createEvent/updateEvent validate it. */
  payload: z.string().default(""),
});

async function readPayload(payload: string): Promise<EventInput> {
  try {
    return JSON.parse(payload) as EventInput;
  } catch {
    const t = await getTranslations("events.actions");
    throw new AppError("VALIDATION", t("unreadable"));
  }
}

export const saveEventAction = orgAction({ name: "save-event", input: SaveEventForm, capability: "events.write", revalidate: ["/*"] }).run(
  async (ctx, { eventId, fromInstanceId, payload }) => {
    const input = await readPayload(payload);
    const saved = fromInstanceId
      ? (await changeThisAndFollowing(ctx, { ...input, instanceId: fromInstanceId })).event
      : eventId
        ? await updateEvent(ctx, { ...input, eventId })
        : await createEvent(ctx, input);
    return { redirect: `/${ctx.org.slug}/events/${saved.id}` };
  },
);

export const archiveEventAction = orgAction({ name: "archive-event", input: EventIdInput, capability: "events.write", revalidate: ["/*"] }).run(
  async (ctx, input) => {
    await archiveEvent(ctx, input);
    const t = await getTranslations("events.actions");
    return { ok: true, message: t("archived") };
  },
);

export const deleteEventAction = orgAction({ name: "delete-event", input: EventIdInput, capability: "events.write", revalidate: ["/*"] }).run(
  async (ctx, input) => {
    await deleteEvent(ctx, input);
    return { redirect: `/${ctx.org.slug}/events` };
  },
);
