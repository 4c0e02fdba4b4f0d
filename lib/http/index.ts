// The http plumbing's public face for other domains and lib/adapters: request facts (client address, the app's own
// URL), body limits, security headers, and the two error-mapping wrappers (route handlers, server actions).
// Client components import the client-safe action-result.ts directly: this file also reaches server-only code.
// The adapter builders (withOrgRoute, orgAction) live in lib/adapters: they need auth and tenant, which need this.
export { idle, type ActionResult, type FormAction } from "./action-result";
export { appUrl, loopbackUrl } from "./app-url";
export { csvDownload } from "./csv-download";
export { addressBucket, clientAddress, isLoopbackAddress, resolveClientAddress } from "./client-address";
export { hasBearerToken, hasOperatorToken } from "./operator-token";
export { installPeerAddressStamp, isPeerAddressStamped, PEER_ADDRESS_HEADER } from "./peer-address";
export { readBody, readJsonObject, withCappedBody, type BodyLimits } from "./read-body";
export { redactTokens } from "./redact-path";
export { PATH_HEADER } from "./request-path";
export { apiErrorBody, englishMessage } from "./english";
export { withRoute, type RouteContext } from "./route";
export { formToObject, runAction } from "./run-action";
export { safeCallbackPath } from "./safe-redirect";
export { pageKindOf, securityHeaders, type ResponseKind } from "./security-headers";
