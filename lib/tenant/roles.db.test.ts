import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, connectTestDatabase, type TestMember, type TestOrg, rejection } from "@/test/database";
import { ROLES, type Role } from "@/lib/tenant/roles";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { AppError } = await import("@/lib/errors");
const { resolveOrgContext } = await import("@/lib/tenant/context");
const { changeMemberRole, listMembers, removeMember } = await import("@/lib/members/members");
const { inviteMember } = await import("@/lib/members/invitations");
const { listAuditLogs } = await import("@/lib/audit/list-audit-logs");
const { listEvents } = await import("@/lib/events/read-events");
const { listParticipants } = await import("@/lib/participants/list-participants");
const { getOrganizationCounts } = await import("@/lib/organizations/get-overview");
const { updateOrganization } = await import("@/lib/organizations/organizations");

const { auditLogs, events, invitations, memberships, organizations, participants } = schema;


const auditOf = (organizationId: string, action: string) =>
  getDb()
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.organizationId, organizationId), eq(auditLogs.action, action)));

async function roleOf(membershipId: string): Promise<Role | undefined> {
  const [row] = await getDb().select({ role: memberships.role }).from(memberships).where(eq(memberships.id, membershipId));
  return row?.role;
}

async function ownerCount(organizationId: string): Promise<number> {
  const rows = await getDb()
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "owner")));
  return rows.length;
}

const newEmail = () => `invitee-${randomUUID()}@example.test`;

describe.each(ROLES)("as %s", (role) => {
  const mayManage = role === "owner" || role === "admin";
  let t: TestOrg;
  let actor: TestMember;
  let staff: TestMember;
  let viewer: TestMember;

  beforeAll(async () => {
    t = await createTestOrg(`Roles ${role}`);
    actor = role === "owner" ? t.owner : await t.add(role);
    staff = await t.add("staff");
    viewer = await t.add("viewer");
    const db = getDb();
    await db.insert(events).values({
      organizationId: t.org.id,
      kind: "demand",
      title: "Field trip",
      venueName: "Zoo",
      venueLat: 52.5,
      venueLng: 13.3,
      timeZone: "Europe/Berlin",
      dtstartLocal: "2031-05-01 09:00:00",
    });
    await db.insert(participants).values({ organizationId: t.org.id, name: "Robin", phone: "+4915100000009" });
  });

  it(mayManage ? "lists the members" : "cannot list the members (FORBIDDEN)", async () => {
    if (!mayManage) {
      expect((await rejection(listMembers(actor.ctx))).code).toBe("FORBIDDEN");
      return;
    }
    const listed = await listMembers(actor.ctx);
    expect(listed.map((m) => m.membershipId).sort()).toEqual(
      [...new Set([t.owner.membershipId, actor.membershipId, staff.membershipId, viewer.membershipId])].sort(),
    );
  });

  it(mayManage ? "invites a member, recorded in the audit log" : "cannot invite (FORBIDDEN), nothing written", async () => {
    const email = newEmail();
    const call = inviteMember(actor.ctx, { email, role: "manager" });
    if (!mayManage) {
      expect((await rejection(call)).code).toBe("FORBIDDEN");
      expect(await getDb().select().from(invitations).where(eq(invitations.organizationId, t.org.id))).toEqual([]);
      expect(await auditOf(t.org.id, "member.invited")).toEqual([]);
      return;
    }
    const { invitation, token } = await call;
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(invitation).toMatchObject({ organizationId: t.org.id, email, role: "manager", invitedByUserId: actor.user.id });
    const audit = await auditOf(t.org.id, "member.invited");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: actor.user.id,
      actorType: "user",
      targetType: "invitation",
      targetId: invitation.id,
      data: { email, role: "manager" },
    });
  });

  it(mayManage ? "changes a member's role, recorded in the audit log" : "cannot change a role (FORBIDDEN)", async () => {
    const call = changeMemberRole(actor.ctx, { membershipId: staff.membershipId, role: "manager" });
    if (!mayManage) {
      expect((await rejection(call)).code).toBe("FORBIDDEN");
      expect(await roleOf(staff.membershipId)).toBe("staff");
      expect(await auditOf(t.org.id, "member.role_changed")).toEqual([]);
      return;
    }
    expect(await call).toMatchObject({ id: staff.membershipId, role: "manager" });
    expect(await roleOf(staff.membershipId)).toBe("manager");
    const audit = await auditOf(t.org.id, "member.role_changed");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: actor.user.id,
      targetType: "membership",
      targetId: staff.membershipId,
      data: { userId: staff.user.id, from: "staff", to: "manager" },
    });
  });

  it(mayManage ? "removes a member, who then loses access" : "cannot remove a member (FORBIDDEN)", async () => {
    const call = removeMember(actor.ctx, { membershipId: viewer.membershipId });
    if (!mayManage) {
      expect((await rejection(call)).code).toBe("FORBIDDEN");
      expect(await roleOf(viewer.membershipId)).toBe("viewer");
      expect(await auditOf(t.org.id, "member.removed")).toEqual([]);
      return;
    }
    await call;
    expect(await roleOf(viewer.membershipId)).toBeUndefined();
    expect((await rejection(resolveOrgContext(viewer.user, t.org.slug))).code).toBe("NOT_FOUND");
    const audit = await auditOf(t.org.id, "member.removed");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: actor.user.id,
      targetType: "membership",
      targetId: viewer.membershipId,
      data: { userId: viewer.user.id, role: "viewer" },
    });
  });

  it(mayManage ? "updates the organization's settings" : "cannot update the settings (FORBIDDEN)", async () => {
    const name = `Renamed by ${role} ${randomUUID().slice(0, 6)}`;
    const [before] = await getDb().select().from(organizations).where(eq(organizations.id, t.org.id));
    const call = updateOrganization(actor.ctx, {
      name,
      type: "event",
      timeZone: "Asia/Tokyo",
      defaultCountry: "jp",
      whatsappPhoneNumberId: "",
    });
    if (!mayManage) {
      expect((await rejection(call)).code).toBe("FORBIDDEN");
      const [after] = await getDb().select().from(organizations).where(eq(organizations.id, t.org.id));
      expect(after).toEqual(before);
      expect(await auditOf(t.org.id, "organization.updated")).toEqual([]);
      return;
    }
    await call;
    const [after] = await getDb().select().from(organizations).where(eq(organizations.id, t.org.id));
    expect(after).toMatchObject({ name, type: "event", timeZone: "Asia/Tokyo", defaultCountry: "JP", whatsappPhoneNumberId: null });
    const audit = await auditOf(t.org.id, "organization.updated");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: actor.user.id, targetType: "organization", targetId: t.org.id });
    expect(audit[0]!.data).toMatchObject({ name, type: "event", timeZone: "Asia/Tokyo", defaultCountry: "JP" });
  });

  it(mayManage ? "reads the audit log" : "cannot read the audit log (FORBIDDEN)", async () => {
    if (!mayManage) {
      expect((await rejection(listAuditLogs(actor.ctx))).code).toBe("FORBIDDEN");
      return;
    }
    const entries = await listAuditLogs(actor.ctx);
    expect(entries.map((e) => e.action).sort()).toEqual(
      ["member.invited", "member.removed", "member.role_changed", "organization.updated"].sort(),
    );
    expect(entries.every((e) => e.actorEmail === actor.user.email)).toBe(true);
  });

  it("reads events, participants and the overview counts", async () => {
    expect((await listEvents(actor.ctx)).map((e) => e.title)).toEqual(["Field trip"]);
    expect((await listParticipants(actor.ctx)).map((p) => p.name)).toEqual(["Robin"]);
    const members = mayManage ? (role === "owner" ? 2 : 3) : 4; // owner/admin removed the viewer
    expect(await getOrganizationCounts(actor.ctx)).toEqual({ events: 1, participants: 1, members });
  });
});

describe("owners are protected from admins", () => {
  let t: TestOrg;
  let admin: TestMember;
  let staff: TestMember;
  let coOwner: TestMember;

  beforeAll(async () => {
    t = await createTestOrg("Owner rules");
    admin = await t.add("admin");
    staff = await t.add("staff");
    coOwner = await t.add("owner");
  });

  it("an admin cannot invite an owner", async () => {
    expect((await rejection(inviteMember(admin.ctx, { email: newEmail(), role: "owner" }))).code).toBe("FORBIDDEN");
    expect(await getDb().select().from(invitations).where(eq(invitations.organizationId, t.org.id))).toEqual([]);
  });

  it("an admin cannot change an owner's role, make someone an owner, or remove an owner", async () => {
    for (const call of [
      () => changeMemberRole(admin.ctx, { membershipId: coOwner.membershipId, role: "admin" }),
      () => changeMemberRole(admin.ctx, { membershipId: t.owner.membershipId, role: "viewer" }),
      () => changeMemberRole(admin.ctx, { membershipId: staff.membershipId, role: "owner" }),
      () => changeMemberRole(admin.ctx, { membershipId: admin.membershipId, role: "owner" }),
      () => removeMember(admin.ctx, { membershipId: coOwner.membershipId }),
    ]) {
      expect((await rejection(call())).code).toBe("FORBIDDEN");
    }
    expect(await roleOf(coOwner.membershipId)).toBe("owner");
    expect(await roleOf(t.owner.membershipId)).toBe("owner");
    expect(await roleOf(staff.membershipId)).toBe("staff");
    expect(await roleOf(admin.membershipId)).toBe("admin");
    expect(await getDb().select().from(auditLogs).where(eq(auditLogs.organizationId, t.org.id))).toEqual([]);
  });

  it("an owner can invite an owner, make someone an owner, demote and remove another owner", async () => {
    const actor = t.owner;
    const email = newEmail();
    const { invitation } = await inviteMember(actor.ctx, { email, role: "owner" });
    expect(invitation.role).toBe("owner");

    await changeMemberRole(actor.ctx, { membershipId: staff.membershipId, role: "owner" });
    expect(await roleOf(staff.membershipId)).toBe("owner");
    await changeMemberRole(actor.ctx, { membershipId: coOwner.membershipId, role: "manager" });
    expect(await roleOf(coOwner.membershipId)).toBe("manager");
    await removeMember(actor.ctx, { membershipId: staff.membershipId });
    expect(await roleOf(staff.membershipId)).toBeUndefined();

    const audit = await getDb().select().from(auditLogs).where(eq(auditLogs.organizationId, t.org.id));
    const summary = audit.map((row) => [row.action, row.targetId, row.actorUserId, row.data]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ["member.invited", invitation.id, actor.user.id, { email, role: "owner" }],
        ["member.role_changed", staff.membershipId, actor.user.id, { userId: staff.user.id, from: "staff", to: "owner" }],
        [
          "member.role_changed",
          coOwner.membershipId,
          actor.user.id,
          { userId: coOwner.user.id, from: "owner", to: "manager" },
        ],
        ["member.removed", staff.membershipId, actor.user.id, { userId: staff.user.id, role: "owner" }],
      ]),
    );
    expect(audit).toHaveLength(4);
  });
});

describe("an organization always keeps an owner", () => {
  it("the last owner can be neither demoted nor removed", async () => {
    const t = await createTestOrg("Last owner");
    const admin = await t.add("admin");
    const self = { membershipId: t.owner.membershipId };
    for (const newRole of ["admin", "viewer"] as const) {
      expect((await rejection(changeMemberRole(t.owner.ctx, { ...self, role: newRole }))).code).toBe(
        "PRECONDITION_FAILED",
      );
    }
    expect((await rejection(removeMember(t.owner.ctx, self))).code).toBe("PRECONDITION_FAILED");
    expect(await roleOf(t.owner.membershipId)).toBe("owner");
    expect(await getDb().select().from(auditLogs).where(eq(auditLogs.organizationId, t.org.id))).toEqual([]);

    // Once someone else is an owner, the first one may step down; then the new owner is the last one.
    await changeMemberRole(t.owner.ctx, { membershipId: admin.membershipId, role: "owner" });
    await changeMemberRole(t.owner.ctx, { ...self, role: "admin" });
    expect(await roleOf(t.owner.membershipId)).toBe("admin");
    const newOwner = await resolveOrgContext(admin.user, t.org.slug);
    expect(newOwner.role).toBe("owner");
    expect(
      (await rejection(removeMember(newOwner, { membershipId: admin.membershipId }))).code,
    ).toBe("PRECONDITION_FAILED");
    expect(await ownerCount(t.org.id)).toBe(1);
  });

  it("with two owners, one can be demoted, with an audit entry", async () => {
    const t = await createTestOrg("Two owners");
    const second = await t.add("owner");
    await changeMemberRole(t.owner.ctx, { membershipId: second.membershipId, role: "viewer" });
    expect(await roleOf(second.membershipId)).toBe("viewer");
    expect(await ownerCount(t.org.id)).toBe(1);
    const audit = await auditOf(t.org.id, "member.role_changed");
    expect(audit.map((r) => [r.actorUserId, r.targetId, r.data])).toEqual([
      [t.owner.user.id, second.membershipId, { userId: second.user.id, from: "owner", to: "viewer" }],
    ]);
  });

  // Each owner demotes (or removes) the other at the same moment: without serialization both would see the other
  // still an owner and the organization would end with none.
  it.each([1, 2, 3])("two concurrent demotions of the only two owners leave exactly one owner (round %i)", async () => {
    const t = await createTestOrg("Race");
    const second = await t.add("owner");
    const results = await Promise.allSettled([
      changeMemberRole(t.owner.ctx, { membershipId: second.membershipId, role: "admin" }),
      changeMemberRole(second.ctx, { membershipId: t.owner.membershipId, role: "admin" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(AppError);
    expect(failed.reason.code).toBe("PRECONDITION_FAILED");
    expect(await ownerCount(t.org.id)).toBe(1);
    expect(await auditOf(t.org.id, "member.role_changed")).toHaveLength(1);
  });

  it("two concurrent removals of the only two owners leave exactly one owner", async () => {
    const t = await createTestOrg("Race removal");
    const second = await t.add("owner");
    const results = await Promise.allSettled([
      removeMember(t.owner.ctx, { membershipId: second.membershipId }),
      removeMember(second.ctx, { membershipId: t.owner.membershipId }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await ownerCount(t.org.id)).toBe(1);
  });
});
