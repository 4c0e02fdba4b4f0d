"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/http/action-result";
import { formToObject, runAction } from "@/lib/http/run-action";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { deleteParticipant, updateParticipant } from "@/lib/participants/participants";
import type { UpdateParticipantInput } from "@/lib/participants/schemas";
import { getOrgContext } from "@/lib/auth/request-context";

const list = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]).map(String);

/** The editor posts extra fields as parallel `metadataKey` / `metadataValue` inputs; fully blank pairs are dropped. */
function zipMetadata(keys: unknown, values: unknown): Record<string, string> {
  const valueList = list(values);
  const pairs = list(keys).map((key, i) => [key, valueList[i] ?? ""] as const);
  return Object.fromEntries(pairs.filter(([key, value]) => key.trim() || value.trim()));
}

export async function updateParticipantAction(
  orgSlug: string,
  returnTo: string,
  _: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const result = await runAction("update-participant", async () => {
    const { metadataKey, metadataValue, ...fields } = formToObject(form);
    const input = { ...fields, metadata: zipMetadata(metadataKey, metadataValue) } as UpdateParticipantInput;
    await updateParticipant(await getOrgContext(orgSlug), input);
  });
  if (!result.ok) return result;
  revalidatePath(`/${orgSlug}`, "layout");
  // The return path comes from the browser: only a page of this organization is followed.
  const back = safeCallbackPath(returnTo, `/${orgSlug}/participants`);
  redirect(back.startsWith(`/${orgSlug}/`) ? back : `/${orgSlug}/participants`);
}

export async function deleteParticipantAction(orgSlug: string, _: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("delete-participant", async () => {
    await deleteParticipant(await getOrgContext(orgSlug), { participantId: String(form.get("participantId") ?? "") });
    revalidatePath(`/${orgSlug}`, "layout");
    return { ok: true, message: "Participant deleted." };
  });
}
