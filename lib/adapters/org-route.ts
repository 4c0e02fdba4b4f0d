import { getCurrentUser, isSessionActive } from "@/lib/auth";
import { AppError, problem } from "@/lib/errors";
import { withRoute } from "@/lib/http";
import type { Logger } from "@/lib/logger";
import { assertCan, resolveOrgContext, type OrgContext, type SignedInUser, type Capability } from "@/lib/tenant";

export type OrgRouteContext<P> = {
  ctx: OrgContext;
  params: P;
  requestId: string;
  log: Logger;
  /**
   * For an answer that outlives the request (a stream): whether the session, the membership, the capability and
   * `check` (e.g. re-reading what is streamed) all still hold. A broken one is an AppError there, hence false.
   */
  isStillAllowed: (check?: (ctx: OrgContext) => Promise<unknown>) => Promise<boolean>;
};

export type OrgRouteOptions = { capability?: Capability };

/**
 * withRoute for a route under `[orgSlug]`: signed in (401), a member of that organization (404, the same whether it is
 * missing or someone else's), the capability if one is named (403); the handler gets the organization context.
 */
export function withOrgRoute<P extends { orgSlug: string }>(
  name: string,
  handler: (request: Request, context: OrgRouteContext<P>) => Promise<Response>,
  { capability }: OrgRouteOptions = {},
) {
  return withRoute<P>(name, async (request, { params, requestId, log }) => {
    const resolved = await params;
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHORIZED", problem("access.signIn"));
    const access = await authorizeOrgRequest(user, resolved.orgSlug, { requestId, capability });
    // Ties the request id to the organization and user, as getOrgContext does for pages and actions.
    log.info({ orgId: access.ctx.org.id, userId: user.id, role: access.ctx.role }, "organization context");
    return handler(request, { ctx: access.ctx, params: resolved, requestId, log, isStillAllowed: access.isStillAllowed });
  });
}

/** withOrgRoute's checks for a signed-in user, and the same checks again whenever the answer asks. */
export async function authorizeOrgRequest(
  user: SignedInUser & { sessionId: string },
  orgSlug: string,
  { requestId, capability }: { requestId?: string; capability?: Capability },
): Promise<Pick<OrgRouteContext<unknown>, "ctx" | "isStillAllowed">> {
  const resolve = async () => {
    const ctx = await resolveOrgContext(user, orgSlug, requestId);
    if (capability) assertCan(ctx, capability);
    return ctx;
  };
  const ctx = await resolve();
  const isStillAllowed = async (check?: (ctx: OrgContext) => Promise<unknown>) => {
    if (!(await isSessionActive(user.sessionId, user.id))) return false;
    try {
      const fresh = await resolve();
      await check?.(fresh);
      return true;
    } catch (error) {
      if (error instanceof AppError) return false; // removed, demoted, or what `check` reads is gone
      throw error;
    }
  };
  return { ctx, isStillAllowed };
}
