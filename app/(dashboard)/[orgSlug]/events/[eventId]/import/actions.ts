"use server";

import { getLocale } from "next-intl/server";
import { orgAction } from "@/lib/adapters";
import { importParticipants } from "@/lib/participants/csv/import-participants";
import { previewImport } from "@/lib/participants/csv/preview-import";
import { ImportInput } from "@/lib/participants/csv/schemas";

// One chunk of the file (its header row and up to 500 rows) each; the wizard sends the chunks one after another.
const chunk = { input: ImportInput, capability: "participants.write" } as const;

export const previewImportAction = orgAction({ name: "preview-import", ...chunk }).run(async (ctx, input) => {
  return { ok: true, data: await previewImport(ctx, input, await getLocale()) };
});

export const importParticipantsAction = orgAction({ name: "import-participants", ...chunk, revalidate: ["/*"] }).run(
  async (ctx, input) => {
    return { ok: true, data: await importParticipants(ctx, input, { locale: await getLocale() }) };
  },
);
