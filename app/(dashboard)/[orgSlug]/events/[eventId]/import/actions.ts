"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";
import { importParticipants, type ImportResult } from "@/lib/participants/csv/import-participants";
import { previewImport, type ImportPreview } from "@/lib/participants/csv/preview-import";
import type { CsvMapping } from "@/lib/participants/csv/schemas";
import { getOrgContext } from "@/lib/auth/request-context";

/** One chunk of the file (its header row and up to 500 rows); the wizard sends the chunks one after another. */
export type ImportChunk = { csvText: string; mapping: CsvMapping };

export async function previewImportAction(
  orgSlug: string,
  eventId: string,
  chunk: ImportChunk,
): Promise<ActionResult<ImportPreview>> {
  return runAction("preview-import", async () => {
    const preview = await previewImport(await getOrgContext(orgSlug), { eventId, ...chunk });
    return { ok: true, data: preview };
  });
}

export async function importParticipantsAction(
  orgSlug: string,
  eventId: string,
  chunk: ImportChunk,
): Promise<ActionResult<ImportResult>> {
  return runAction("import-participants", async () => {
    const result = await importParticipants(await getOrgContext(orgSlug), { eventId, ...chunk });
    revalidatePath(`/${orgSlug}`, "layout");
    return { ok: true, data: result };
  });
}
