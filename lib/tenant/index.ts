// The tenant domain's public face: other domains import only this file.
export { actorUserId, assertCan, type OrgContext, resolveOrgContext, type SignedInUser, systemContext } from "./context";
export { can, Role } from "./roles";
export { type Capability } from "./roles";
