// The builders every route handler and server action under app/ is made with: the session, the organization context,
// the role, the input and the error mapping are done here once, so an adapter's body is the call to its domain.
export { bindOrgActions, orgAction, publicAction, userAction, type ActionOutcome } from "./actions";
export type { ActionInput, ActionPayload } from "./read-input";
export { authorizeOrgRequest, withOrgRoute, type OrgRouteContext, type OrgRouteOptions } from "./org-route";
export { DEFAULT_API_BODY_BYTES, withApiRoute, type ApiResult, type ApiRouteContext, type ApiRouteOptions } from "./api-route";
