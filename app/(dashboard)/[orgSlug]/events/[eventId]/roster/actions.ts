"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { orgAction } from "@/lib/adapters";
import { addToRoster, createParticipantOnRoster, removeFromRoster } from "@/lib/participants/participants";
import { ParticipantInput, RosterInput } from "@/lib/participants/schemas";

/** The event's pages and the participant list show the roster. */
const roster = {
  capability: "participants.write",
  revalidate: ({ eventId }: { eventId: string }) => [`/events/${eventId}/*`, "/participants"],
} as const;

export const addNewParticipantAction = orgAction({
  name: "add-new-participant",
  input: ParticipantInput.extend({ eventId: z.string() }),
  ...roster,
}).run(async (ctx, input) => {
  const participant = await createParticipantOnRoster(ctx, input, await getLocale());
  const t = await getTranslations("roster.actions");
  return { ok: true, message: t("added", { name: participant.name }) };
});

export const addExistingParticipantAction = orgAction({ name: "add-existing-participant", input: RosterInput, ...roster }).run(
  async (ctx, input) => {
    const { added } = await addToRoster(ctx, input, await getLocale());
    const t = await getTranslations("roster.actions");
    return { ok: true, message: added ? t("addedExisting") : t("alreadyOn") };
  },
);

export const removeFromRosterAction = orgAction({ name: "remove-from-roster", input: RosterInput, ...roster }).run(
  async (ctx, input) => {
    const { futureAttendancesKept } = await removeFromRoster(ctx, input, await getLocale());
    const t = await getTranslations("roster.actions");
    return { ok: true, message: t("removed", { kept: futureAttendancesKept }) };
  },
);
