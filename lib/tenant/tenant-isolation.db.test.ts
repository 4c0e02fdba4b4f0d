import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, createTestUser, connectTestDatabase, type TestMember, type TestOrg, rejection } from "@/test/database";
import { can, ROLES, type Role } from "@/lib/tenant/roles";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { resolveOrgContext } = await import("@/lib/tenant/context");
const { changeMemberRole, listMembers, removeMember } = await import("@/lib/members/members");
const { inviteMember, listPendingInvitations, revokeInvitation, unsafeGetInvitationPreview } = await import(
  "@/lib/members/invitations"
);
const { listAuditLogs } = await import("@/lib/audit/list-audit-logs");
const { listEvents } = await import("@/lib/events/read-events");
const { listParticipants } = await import("@/lib/participants/list-participants");
const { getOrganizationCounts } = await import("@/lib/organizations/get-overview");
const { listMyOrganizations, updateOrganization } = await import("@/lib/organizations/organizations");

const { auditLogs, eventParticipants, events, memberships, organizations, participants } = schema;


/** One event with a one-person roster, inserted directly: the event domain has no write functions yet. */
async function addEventWithParticipant(organizationId: string, title: string, person: string, phone: string) {
  const db = getDb();
  const [event] = await db
    .insert(events)
    .values({
      organizationId,
      kind: "demand",
      title,
      venueName: `${title} venue`,
      venueLat: 52.5,
      venueLng: 13.4,
      timeZone: "Europe/Berlin",
      dtstartLocal: "2031-03-10 08:00:00",
    })
    .returning();
  const [participant] = await db.insert(participants).values({ organizationId, name: person, phone }).returning();
  await db.insert(eventParticipants).values({ organizationId, eventId: event!.id, participantId: participant!.id });
  return { event: event!, participant: participant! };
}

describe("tenant isolation between two organizations", () => {
  let a: TestOrg;
  let b: TestOrg;
  const aMembers = {} as Record<Role, TestMember>;
  let bAdmin: TestMember;
  let bInvitation: { id: string; token: string };
  let aInvitationId: string;
  let aData: Awaited<ReturnType<typeof addEventWithParticipant>>;
  const bEventIds: string[] = [];
  const bParticipantIds: string[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestOrg("Alpha"), createTestOrg("Bravo")]);
    aMembers.owner = a.owner;
    for (const role of ROLES.filter((r) => r !== "owner")) aMembers[role] = await a.add(role);
    bAdmin = await b.add("admin");

    const invitedB = await inviteMember(b.owner.ctx, { email: `b-${randomUUID()}@example.test`, role: "staff" });
    bInvitation = { id: invitedB.invitation.id, token: invitedB.token };
    aInvitationId = (await inviteMember(a.owner.ctx, { email: `a-${randomUUID()}@example.test`, role: "viewer" }))
      .invitation.id;

    // Same person name and phone in both organizations, so a missing tenant filter shows up in search too.
    aData = await addEventWithParticipant(a.org.id, "Alpha trip", "Kim Alpha", "+4915100000001");
    for (const [i, title] of ["Bravo trip", "Bravo concert"].entries()) {
      const { event, participant } = await addEventWithParticipant(
        b.org.id,
        title,
        `Kim Bravo ${i}`,
        `+491510000000${i + 1}`,
      );
      bEventIds.push(event.id);
      bParticipantIds.push(participant.id);
    }
  });

  async function bMemberships() {
    const rows = await getDb()
      .select({ id: memberships.id, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.organizationId, b.org.id));
    return Object.fromEntries(rows.map((r) => [r.id, r.role]));
  }

  describe("resolving a context", () => {
    it.each(ROLES)("a %s of A gets NOT_FOUND for B, the same answer as for a slug that does not exist", async (role) => {
      const user = aMembers[role].user;
      const foreign = await rejection(resolveOrgContext(user, b.org.slug));
      const missing = await rejection(resolveOrgContext(user, `no-such-org-${randomUUID().slice(0, 8)}`));
      expect(foreign.code).toBe("NOT_FOUND");
      expect(foreign.message).toBe(missing.message);
      expect(foreign.status).toBe(missing.status);
    });

    it("a superadmin who is no member resolves B as an owner, but still not a slug that does not exist", async () => {
      const superadmin = await createTestUser({ isSuperadmin: true });
      const ctx = await resolveOrgContext(superadmin, b.org.slug);
      expect(ctx.org.id).toBe(b.org.id);
      expect(ctx.role).toBe("owner");
      expect(ctx.actor).toMatchObject({ type: "user", userId: superadmin.id, isSuperadmin: true });
      expect((await rejection(resolveOrgContext(superadmin, `no-such-org-${randomUUID().slice(0, 8)}`))).code).toBe(
        "NOT_FOUND",
      );
    });

    it("listMyOrganizations of a member of A lists A only", async () => {
      for (const role of ROLES) {
        const mine = await listMyOrganizations(aMembers[role].user.id);
        expect(mine.map((o) => [o.id, o.role])).toEqual([[a.org.id, role]]);
      }
    });
  });

  describe("changing B through A's context", () => {
    // Owners and admins of A pass the role check and must get NOT_FOUND; weaker roles are stopped before that.
    const expectedCode = (role: Role) => (can(role, "members.manage") ? "NOT_FOUND" : "FORBIDDEN");

    it.each(ROLES)("a %s of A can neither change the role of nor remove a member of B", async (role) => {
      const before = await bMemberships();
      const ctx = aMembers[role].ctx;
      for (const target of [bAdmin, b.owner]) {
        for (const newRole of ["viewer", "owner"] as const) {
          const error = await rejection(changeMemberRole(ctx, { membershipId: target.membershipId, role: newRole }));
          expect(error.code).toBe(expectedCode(role));
        }
        expect((await rejection(removeMember(ctx, { membershipId: target.membershipId }))).code).toBe(
          expectedCode(role),
        );
      }
      expect(await bMemberships()).toEqual(before);
      expect(before[bAdmin.membershipId]).toBe("admin");
      expect(before[b.owner.membershipId]).toBe("owner");
    });

    it.each(ROLES)("a %s of A cannot revoke an invitation of B", async (role) => {
      const error = await rejection(revokeInvitation(aMembers[role].ctx, { invitationId: bInvitation.id }));
      expect(error.code).toBe(expectedCode(role));
      expect((await unsafeGetInvitationPreview(bInvitation.token))?.state).toBe("pending");
      expect((await listPendingInvitations(b.owner.ctx)).map((i) => i.id)).toContain(bInvitation.id);
    });

    it("updateOrganization with A's context changes A and leaves B exactly as it was", async () => {
      const [bBefore] = await getDb().select().from(organizations).where(eq(organizations.id, b.org.id));
      const name = `Alpha renamed ${randomUUID().slice(0, 6)}`;
      const updated = await updateOrganization(aMembers.owner.ctx, {
        name,
        type: "enterprise",
        timeZone: "America/Sao_Paulo",
        defaultCountry: "br",
        whatsappPhoneNumberId: String(Date.now()),
      });
      expect(updated.id).toBe(a.org.id);
      const [aAfter] = await getDb().select().from(organizations).where(eq(organizations.id, a.org.id));
      expect(aAfter).toMatchObject({ name, type: "enterprise", timeZone: "America/Sao_Paulo", defaultCountry: "BR" });
      const [bAfter] = await getDb().select().from(organizations).where(eq(organizations.id, b.org.id));
      expect(bAfter).toEqual(bBefore);
      const bUpdates = await getDb().select().from(auditLogs).where(eq(auditLogs.organizationId, b.org.id));
      expect(bUpdates.filter((row) => row.action === "organization.updated")).toEqual([]);
    });
  });

  describe("reading through A's context never shows B's rows", () => {
    it("listMembers lists exactly A's members", async () => {
      const listed = await listMembers(aMembers.admin.ctx);
      expect(listed.map((m) => m.membershipId).sort()).toEqual(ROLES.map((r) => aMembers[r].membershipId).sort());
      const bUserIds = [b.owner.user.id, bAdmin.user.id];
      expect(listed.filter((m) => bUserIds.includes(m.userId))).toEqual([]);
    });

    it("listPendingInvitations lists A's invitation and not B's", async () => {
      const ids = (await listPendingInvitations(aMembers.owner.ctx)).map((i) => i.id);
      expect(ids).toEqual([aInvitationId]);
    });

    it("listAuditLogs lists A's entries and none of B's", async () => {
      const bAuditIds = (
        await getDb().select({ id: auditLogs.id }).from(auditLogs).where(eq(auditLogs.organizationId, b.org.id))
      ).map((r) => r.id);
      expect(bAuditIds.length).toBeGreaterThan(0);
      const listed = await listAuditLogs(aMembers.owner.ctx);
      expect(listed.map((e) => e.targetId)).toContain(aInvitationId);
      expect(listed.filter((e) => bAuditIds.includes(e.id))).toEqual([]);
      expect(listed.map((e) => e.targetId)).not.toContain(bInvitation.id);
    });

    it.each(ROLES)("a %s of A sees only A's events, participants and counts", async (role) => {
      const ctx = aMembers[role].ctx;
      const summaries = await listEvents(ctx);
      expect(summaries.map((e) => [e.id, e.rosterSize])).toEqual([[aData.event.id, 1]]);

      const everyone = await listParticipants(ctx);
      expect(everyone.map((p) => p.id)).toEqual([aData.participant.id]);
      // A search that matches B's people by name and phone still finds only A's.
      expect((await listParticipants(ctx, { search: "Kim" })).map((p) => p.id)).toEqual([aData.participant.id]);
      expect((await listParticipants(ctx, { search: "Bravo" })).map((p) => p.id)).toEqual([]);
      expect((await listParticipants(ctx, { search: "+4915100000002" })).map((p) => p.id)).toEqual([]);

      expect(await getOrganizationCounts(ctx)).toEqual({ events: 1, participants: 1, members: ROLES.length });
    });

    it("B's own context still sees B's data (the fixtures are real)", async () => {
      expect((await listEvents(b.owner.ctx)).map((e) => e.id).sort()).toEqual([...bEventIds].sort());
      expect((await listParticipants(b.owner.ctx)).map((p) => p.id).sort()).toEqual([...bParticipantIds].sort());
      expect(await getOrganizationCounts(b.owner.ctx)).toEqual({ events: 2, participants: 2, members: 2 });
    });
  });
});
