"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { orgAction } from "@/lib/adapters";
import { safeCallbackPath } from "@/lib/http";
import { deleteParticipant, updateParticipant } from "@/lib/participants/participants";
import { ParticipantIdInput, UpdateParticipantInput } from "@/lib/participants/schemas";

const list = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]).map(String);

/** The editor posts extra fields as parallel `metadataKey` / `metadataValue` inputs; fully blank pairs are dropped. */
function zipMetadata(keys: unknown, values: unknown): Record<string, string> {
  const valueList = list(values);
  const pairs = list(keys).map((key, i) => [key, valueList[i] ?? ""] as const);
  return Object.fromEntries(pairs.filter(([key, value]) => key.trim() || value.trim()));
}

const UpdateParticipantForm = z.preprocess((form) => {
  const { metadataKey, metadataValue, ...fields } = form as Record<string, unknown>;
  return { ...fields, metadata: zipMetadata(metadataKey, metadataValue) };
}, UpdateParticipantInput.extend({ returnTo: z.string().default("") }));

export const updateParticipantAction = orgAction({
  name: "update-participant",
  input: UpdateParticipantForm,
  capability: "participants.write",
  revalidate: ["/*"],
}).run(async (ctx, { returnTo, ...participant }) => {
  await updateParticipant(ctx, participant, await getLocale());
  // The return path comes from the browser: only a page of this organization is followed.
  const everyone = `/${ctx.org.slug}/participants`;
  const back = safeCallbackPath(returnTo, everyone);
  return { redirect: back.startsWith(`/${ctx.org.slug}/`) ? back : everyone };
});

export const deleteParticipantAction = orgAction({
  name: "delete-participant",
  input: ParticipantIdInput,
  capability: "participants.write",
  revalidate: ["/*"],
}).run(async (ctx, input) => {
  await deleteParticipant(ctx, input, await getLocale());
  const t = await getTranslations("participants.delete");
  return { ok: true, message: t("done") };
});
