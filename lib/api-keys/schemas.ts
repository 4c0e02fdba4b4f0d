import { z } from "zod";
import { problemKey } from "@/lib/problems";

// Client-safe: the Settings form validates with these; the domain functions parse them again.

/** The roles a key may have: never owner or admin, so a leaked key cannot manage members, settings or other keys. */
export const API_KEY_ROLES = ["viewer", "staff", "manager"] as const;
export const ApiKeyRole = z.enum(API_KEY_ROLES, { error: problemKey("apiKeys.role") });
export type ApiKeyRole = z.infer<typeof ApiKeyRole>;

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1, problemKey("apiKeys.nameMissing")).max(80),
  role: ApiKeyRole,
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeyInput>;

export const RevokeApiKeyInput = z.object({ apiKeyId: z.uuid() });
export type RevokeApiKeyInput = z.infer<typeof RevokeApiKeyInput>;
