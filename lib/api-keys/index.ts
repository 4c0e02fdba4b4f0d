// The API keys domain's public face: keys (create, list, revoke) and the idempotency keys requests made with them
// send. A key's organization context is made by lib/tenant (resolveApiKeyContext), the only place contexts are made.
export { createApiKey, listApiKeys, revokeApiKey, type ApiKeyView } from "./api-keys";
export {
  claimIdempotencyKey,
  completeIdempotencyKey,
  purgeIdempotencyKeys,
  releaseIdempotencyKey,
  type IdempotencyClaim,
} from "./idempotency";
export { API_KEY_ROLES, ApiKeyRole, CreateApiKeyInput, RevokeApiKeyInput } from "./schemas";
