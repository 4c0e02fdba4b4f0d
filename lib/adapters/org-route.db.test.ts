import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, rejection } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { AppError } = await import("@/lib/errors");
const { createSession, endSession } = await import("@/lib/auth/sessions");
const { authorizeOrgRequest } = await import("./org-route");

/** A member signed in with a session of their own, as withOrgRoute finds them. */
async function signedIn(member: { user: { id: string; email: string; name: string; isSuperadmin: boolean } }) {
  return { ...member.user, sessionId: await createSession(member.user.id) };
}

describe("withOrgRoute's checks (authorizeOrgRequest)", () => {
  it("gives a member the organization's context with their role", async () => {
    const { org, add } = await createTestOrg("Route");
    const staff = await signedIn(await add("staff"));
    const { ctx } = await authorizeOrgRequest(staff, org.slug, { requestId: "req-1", capability: "live.checkIn" });
    expect(ctx).toMatchObject({ org: { id: org.id }, role: "staff", requestId: "req-1" });
  });

  it("answers NOT_FOUND alike for another organization and one that does not exist", async () => {
    const mine = await createTestOrg("Mine");
    const theirs = await createTestOrg("Theirs");
    const me = await signedIn(mine.owner);
    expect((await rejection(authorizeOrgRequest(me, theirs.org.slug, {}))).code).toBe("NOT_FOUND");
    expect((await rejection(authorizeOrgRequest(me, "no-such-organization", {}))).code).toBe("NOT_FOUND");
  });

  it("refuses a role below the route's capability with FORBIDDEN", async () => {
    const { org, add } = await createTestOrg("Viewer");
    const viewer = await signedIn(await add("viewer"));
    expect((await rejection(authorizeOrgRequest(viewer, org.slug, { capability: "live.checkIn" }))).code).toBe("FORBIDDEN");
  });

  it("lets a long answer ask again: ended sessions, removed or demoted members and a failing check say no", async () => {
    const { org, add } = await createTestOrg("Stream");
    const [a, b, c] = [await add("staff"), await add("staff"), await add("staff")];
    const [signedOut, removed, demoted] = [await signedIn(a), await signedIn(b), await signedIn(c)];
    const access = await Promise.all(
      [signedOut, removed, demoted].map((user) => authorizeOrgRequest(user, org.slug, { capability: "live.checkIn" })),
    );
    for (const { isStillAllowed } of access) expect(await isStillAllowed()).toBe(true);

    await endSession(signedOut.sessionId);
    await getDb().delete(schema.memberships).where(eq(schema.memberships.id, b.membershipId));
    await getDb().update(schema.memberships).set({ role: "viewer" }).where(eq(schema.memberships.id, c.membershipId));
    expect(await access[0]!.isStillAllowed()).toBe(false);
    expect(await access[1]!.isStillAllowed()).toBe(false);
    expect(await access[2]!.isStillAllowed()).toBe(false);
  });

  it("passes the fresh context to the check; its AppError means no, any other error is thrown", async () => {
    const { org, owner } = await createTestOrg("Check");
    const { isStillAllowed } = await authorizeOrgRequest(await signedIn(owner), org.slug, {});
    let seen: string | undefined;
    expect(await isStillAllowed(async (fresh) => (seen = fresh.org.id))).toBe(true);
    expect(seen).toBe(org.id);
    expect(await isStillAllowed(async () => Promise.reject(new AppError("NOT_FOUND", "Gone.")))).toBe(false);
    await expect(isStillAllowed(async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
  });
});
