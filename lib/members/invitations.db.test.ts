import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, createTestUser, connectTestDatabase, type TestOrg, rejection } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { resolveOrgContext } = await import("@/lib/tenant/context");
const { acceptInvitation, inviteMember, listPendingInvitations, revokeInvitation, unsafeGetInvitationPreview } =
  await import("./invitations");

const { auditLogs, invitations, memberships } = schema;


const membershipsOf = (organizationId: string, userId: string) =>
  getDb()
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));

const invitationsOf = (organizationId: string) =>
  getDb().select().from(invitations).where(eq(invitations.organizationId, organizationId));

const auditOf = (organizationId: string) =>
  getDb().select().from(auditLogs).where(eq(auditLogs.organizationId, organizationId));

describe("invitations", () => {
  let t: TestOrg;

  beforeAll(async () => {
    t = await createTestOrg("Invitations");
  });

  it("the invited address (in any letter case) accepts once and joins with the invited role", async () => {
    const local = `Invitee.${randomUUID().slice(0, 8)}`;
    const { invitation, token } = await inviteMember(t.owner.ctx, { email: `  ${local}@Example.TEST `, role: "manager" });
    const email = `${local.toLowerCase()}@example.test`;
    expect(invitation.email).toBe(email);
    expect(await unsafeGetInvitationPreview(token)).toEqual({
      organizationName: t.org.name,
      email,
      role: "manager",
      state: "pending",
    });
    expect((await listPendingInvitations(t.owner.ctx)).map((i) => i.id)).toContain(invitation.id);

    // Someone else who got the link forwarded cannot use it.
    const stranger = await createTestUser();
    expect((await rejection(acceptInvitation(stranger, token))).code).toBe("FORBIDDEN");
    expect(await membershipsOf(t.org.id, stranger.id)).toEqual([]);
    expect((await unsafeGetInvitationPreview(token))?.state).toBe("pending");

    const invitee = await createTestUser({ email });
    const slug = await acceptInvitation({ ...invitee, email: email.toUpperCase() }, token);
    expect(slug).toBe(t.org.slug);
    expect((await membershipsOf(t.org.id, invitee.id)).map((m) => m.role)).toEqual(["manager"]);
    expect((await resolveOrgContext(invitee, t.org.slug)).role).toBe("manager");
    expect((await unsafeGetInvitationPreview(token))?.state).toBe("accepted");
    const [stored] = await getDb().select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(stored!.acceptedByUserId).toBe(invitee.id);
    expect((await listPendingInvitations(t.owner.ctx)).map((i) => i.id)).not.toContain(invitation.id);
    const joined = (await auditOf(t.org.id)).filter((row) => row.action === "member.joined");
    expect(joined.map((row) => [row.actorUserId, row.targetId, row.data])).toEqual([
      [invitee.id, invitation.id, { role: "manager" }],
    ]);

    expect((await rejection(acceptInvitation(invitee, token))).code).toBe("NOT_FOUND");
    expect(await membershipsOf(t.org.id, invitee.id)).toHaveLength(1);
  });

  it("an expired invitation cannot be accepted and is no longer listed as pending", async () => {
    const email = `late-${randomUUID()}@example.test`;
    const { invitation, token } = await inviteMember(t.owner.ctx, { email, role: "viewer" });
    await getDb()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invitations.id, invitation.id));
    expect((await unsafeGetInvitationPreview(token))?.state).toBe("expired");
    expect((await listPendingInvitations(t.owner.ctx)).map((i) => i.id)).not.toContain(invitation.id);

    const invitee = await createTestUser({ email });
    expect((await rejection(acceptInvitation(invitee, token))).code).toBe("NOT_FOUND");
    expect(await membershipsOf(t.org.id, invitee.id)).toEqual([]);
  });

  it("re-inviting the same address revokes the earlier link", async () => {
    const email = `twice-${randomUUID()}@example.test`;
    const first = await inviteMember(t.owner.ctx, { email, role: "viewer" });
    const second = await inviteMember(t.owner.ctx, { email: email.toUpperCase(), role: "staff" });
    expect(second.token).not.toBe(first.token);
    expect((await unsafeGetInvitationPreview(first.token))?.state).toBe("revoked");
    expect((await unsafeGetInvitationPreview(second.token))?.state).toBe("pending");
    expect((await listPendingInvitations(t.owner.ctx)).filter((i) => i.email === email).map((i) => i.id)).toEqual([
      second.invitation.id,
    ]);

    const invitee = await createTestUser({ email });
    expect((await rejection(acceptInvitation(invitee, first.token))).code).toBe("NOT_FOUND");
    expect(await membershipsOf(t.org.id, invitee.id)).toEqual([]);
    await acceptInvitation(invitee, second.token);
    expect((await membershipsOf(t.org.id, invitee.id)).map((m) => m.role)).toEqual(["staff"]);
  });

  it("a revoked invitation cannot be accepted", async () => {
    const email = `revoked-${randomUUID()}@example.test`;
    const { invitation, token } = await inviteMember(t.owner.ctx, { email, role: "viewer" });
    await revokeInvitation(t.owner.ctx, { invitationId: invitation.id });
    expect((await unsafeGetInvitationPreview(token))?.state).toBe("revoked");
    const invitee = await createTestUser({ email });
    expect((await rejection(acceptInvitation(invitee, token))).code).toBe("NOT_FOUND");
    expect(await membershipsOf(t.org.id, invitee.id)).toEqual([]);
    // Revoking twice says so instead of pretending.
    expect((await rejection(revokeInvitation(t.owner.ctx, { invitationId: invitation.id }))).code).toBe("NOT_FOUND");
  });

  it("an unknown token has no preview and cannot be accepted", async () => {
    const token = `unknown-${randomUUID()}`;
    expect(await unsafeGetInvitationPreview(token)).toBeNull();
    expect((await rejection(acceptInvitation(await createTestUser(), token))).code).toBe("NOT_FOUND");
  });

  it("inviting someone who is already a member is a CONFLICT and writes nothing", async () => {
    const member = await t.add("staff");
    const before = { invitations: (await invitationsOf(t.org.id)).length, audit: (await auditOf(t.org.id)).length };
    for (const email of [member.user.email, member.user.email.toUpperCase(), t.owner.user.email]) {
      expect((await rejection(inviteMember(t.owner.ctx, { email, role: "admin" }))).code).toBe("CONFLICT");
    }
    expect((await invitationsOf(t.org.id)).length).toBe(before.invitations);
    expect((await auditOf(t.org.id)).length).toBe(before.audit);
  });

  it("bad input is a VALIDATION error naming the field, and writes nothing", async () => {
    const before = { invitations: (await invitationsOf(t.org.id)).length, audit: (await auditOf(t.org.id)).length };
    const cases = [
      [{ email: "not-an-address", role: "viewer" }, "email"],
      [{ email: "", role: "viewer" }, "email"],
      [{ email: `ok-${randomUUID()}@example.test`, role: "superuser" }, "role"],
      [{ email: `ok-${randomUUID()}@example.test` }, "role"],
    ] as const;
    for (const [input, field] of cases) {
      const error = await rejection(inviteMember(t.owner.ctx, input as never));
      expect(error.code).toBe("VALIDATION");
      expect(Object.keys(error.fields ?? {})).toEqual([field]);
    }
    expect((await invitationsOf(t.org.id)).length).toBe(before.invitations);
    expect((await auditOf(t.org.id)).length).toBe(before.audit);
  });
});
