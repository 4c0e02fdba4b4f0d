import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, rejection, type TestOrg } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { resolveOrgContext } = await import("@/lib/tenant/context");
const { updateOrganization } = await import("@/lib/organizations/organizations");

const { auditLogs, organizations } = schema;

async function orgRow(id: string) {
  const [row] = await getDb().select().from(organizations).where(eq(organizations.id, id));
  return row!;
}

const retentionAudits = async (organizationId: string) =>
  (
    await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.organizationId, organizationId), eq(auditLogs.action, "organization.updated")))
  ).filter((row) => "locationRetentionDays" in (row.data as Record<string, unknown>));

/** The other settings as they are, so each call changes only the retention period. */
function unchangedSettings(org: typeof organizations.$inferSelect) {
  return {
    name: org.name,
    type: org.type,
    timeZone: org.timeZone,
    defaultCountry: org.defaultCountry,
    whatsappPhoneNumberId: org.whatsappPhoneNumberId ?? "",
  };
}

describe("location retention setting", () => {
  let a: TestOrg;
  let b: TestOrg;

  beforeAll(async () => {
    a = await createTestOrg("Retention A");
    b = await createTestOrg("Retention B");
  });

  it("defaults to 90 days", async () => {
    expect((await orgRow(a.org.id)).locationRetentionDays).toBe(90);
  });

  it("an admin saves it, as a number or as form text, and the change is audited", async () => {
    const admin = await a.add("admin");
    await updateOrganization(admin.ctx, { ...unchangedSettings(a.org), locationRetentionDays: 30 });
    expect((await orgRow(a.org.id)).locationRetentionDays).toBe(30);
    const audits = await retentionAudits(a.org.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: admin.user.id, targetId: a.org.id, data: { locationRetentionDays: 30 } });

    // The settings form posts strings; the bounds themselves are allowed.
    const owner = await resolveOrgContext(a.owner.user, a.org.slug);
    await updateOrganization(owner, { ...unchangedSettings(a.org), locationRetentionDays: "365" as unknown as number });
    expect((await orgRow(a.org.id)).locationRetentionDays).toBe(365);
    await updateOrganization(owner, { ...unchangedSettings(a.org), locationRetentionDays: 1 });
    expect((await orgRow(a.org.id)).locationRetentionDays).toBe(1);
  });

  it("left out, it stays as it is and is not reported as changed", async () => {
    const ctx = await resolveOrgContext(a.owner.user, a.org.slug);
    const before = await orgRow(a.org.id);
    const auditsBefore = (await retentionAudits(a.org.id)).length;
    await updateOrganization(ctx, unchangedSettings(a.org));
    expect((await orgRow(a.org.id)).locationRetentionDays).toBe(before.locationRetentionDays);
    expect(await retentionAudits(a.org.id)).toHaveLength(auditsBefore);
  });

  it.each([
    ["0", 0],
    ["366", 366],
    ['"abc"', "abc"],
    ["2.5", 2.5],
    ["empty", ""],
  ])("refuses %s with a field error and changes nothing", async (_, value) => {
    const ctx = await resolveOrgContext(a.owner.user, a.org.slug);
    const before = await orgRow(a.org.id);
    const error = await rejection(
      updateOrganization(ctx, { ...unchangedSettings(a.org), name: "Renamed meanwhile", locationRetentionDays: value as number }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fields?.locationRetentionDays?.[0]).toMatch(/day/);
    expect(Object.keys(error.fields ?? {})).toEqual(["locationRetentionDays"]);
    expect(await orgRow(a.org.id)).toEqual(before);
  });

  it.each(["manager", "staff", "viewer"] as const)("a %s cannot change it (FORBIDDEN)", async (role) => {
    const member = await a.add(role);
    const before = await orgRow(a.org.id);
    const auditsBefore = (await retentionAudits(a.org.id)).length;
    const error = await rejection(updateOrganization(member.ctx, { ...unchangedSettings(a.org), locationRetentionDays: 7 }));
    expect(error.code).toBe("FORBIDDEN");
    expect(await orgRow(a.org.id)).toEqual(before);
    expect(await retentionAudits(a.org.id)).toHaveLength(auditsBefore);
  });

  it("another organization's members cannot change it, and A's change leaves B as it was", async () => {
    const bBefore = await orgRow(b.org.id);
    // A's owner has no context for B at all: B looks like it does not exist.
    expect((await rejection(resolveOrgContext(a.owner.user, b.org.slug))).code).toBe("NOT_FOUND");

    const ctx = await resolveOrgContext(a.owner.user, a.org.slug);
    await updateOrganization(ctx, { ...unchangedSettings(a.org), locationRetentionDays: 14 });
    expect((await orgRow(a.org.id)).locationRetentionDays).toBe(14);
    expect(await orgRow(b.org.id)).toEqual(bBefore);
    expect(bBefore.locationRetentionDays).toBe(90);
    expect(await retentionAudits(b.org.id)).toEqual([]);
  });
});
