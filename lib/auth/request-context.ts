import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getCurrentUser } from "./current-user";
import { AppError, problem } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { resolveOrgContext, type OrgContext } from "@/lib/tenant";

/** The organization context for this request: signed-in user + membership of `orgSlug`, resolved once per render. */
export const getOrgContext = cache(async (orgSlug: string): Promise<OrgContext> => {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHORIZED", problem("access.signIn"));
  const requestId = (await headers()).get("x-request-id") ?? undefined;
  const ctx = await resolveOrgContext(user, orgSlug, requestId);
  // Ties this request id to the organization and user, so every other line of the request can be attributed.
  logger.info({ requestId, orgId: ctx.org.id, userId: user.id, role: ctx.role }, "organization context");
  return ctx;
});

/**
 * For pages: the organization context, or the sign-in page when signed out, or a 404 when the user is not a member
 * (an organization you do not belong to looks the same as one that does not exist).
 */
export async function requirePageContext(orgSlug: string): Promise<OrgContext> {
  try {
    return await getOrgContext(orgSlug);
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHORIZED") {
      redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${orgSlug}`)}`);
    }
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** For pages: a domain lookup whose NOT_FOUND (missing, or another organization's) becomes the 404 page. */
export async function notFoundOnMissing<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
