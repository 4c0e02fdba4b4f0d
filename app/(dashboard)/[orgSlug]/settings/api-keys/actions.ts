"use server";

import { getTranslations } from "next-intl/server";
import { orgAction } from "@/lib/adapters";
import { createApiKey, revokeApiKey } from "@/lib/api-keys";
import { CreateApiKeyInput, RevokeApiKeyInput } from "@/lib/api-keys/schemas";

const keys = { capability: "apiKeys.manage", revalidate: ["/settings/api-keys"] } as const;

export const createApiKeyAction = orgAction({ name: "create-api-key", input: CreateApiKeyInput, ...keys }).run(async (ctx, input) => {
  const { key, apiKey } = await createApiKey(ctx, input);
  const t = await getTranslations("apiKeys.actions");
  return { ok: true, message: t("created", { name: apiKey.name }), data: { key } };
});

export const revokeApiKeyAction = orgAction({ name: "revoke-api-key", input: RevokeApiKeyInput, ...keys }).run(async (ctx, input) => {
  await revokeApiKey(ctx, input);
  const t = await getTranslations("apiKeys.actions");
  return { ok: true, message: t("revoked") };
});
