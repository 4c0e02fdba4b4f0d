// The tenant domain's public face: other domains import only this file.
export { actorApiKeyId, actorUserId, assertCan, type OrgContext, resolveOrgContext, type SignedInUser, systemContext } from "./context";
export { CAPABILITIES, can, Role } from "./roles";
export { type Capability } from "./roles";
export { resolveApiKeyContext } from "./api-key-context";
export { hasRole } from "./roles";
