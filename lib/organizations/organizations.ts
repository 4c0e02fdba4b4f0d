import { and, asc, eq, ne } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { AppError, fieldError, parseInput, problem } from "@/lib/errors";
import { assertCan, type OrgContext, type SignedInUser, type Role } from "@/lib/tenant";
import { createOrganizationTx } from "./create-organization";
import { CreateOrganizationInput, UpdateOrganizationInput } from "./inputs";

const { organizations, memberships } = schema;

export type MyOrganization = {
  id: string;
  slug: string;
  name: string;
  type: string;
  role: Role;
  timeZone: string;
  defaultCountry: string;
};

/** The organizations a user belongs to, for the switcher and the landing redirect. */
export async function listMyOrganizations(userId: string): Promise<MyOrganization[]> {
  return getDb()
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      type: organizations.type,
      role: memberships.role,
      timeZone: organizations.timeZone,
      defaultCountry: organizations.defaultCountry,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}

/** Any signed-in user may start another organization; they become its owner. */
export async function createOrganization(user: SignedInUser, input: CreateOrganizationInput) {
  const data = parseInput(CreateOrganizationInput, input);
  return getDb().transaction((tx) => createOrganizationTx(tx, user.id, data));
}

/** Admin only. Name, type, zone, phone country, default language, WhatsApp number id and how long raw location points are kept. */
export async function updateOrganization(ctx: OrgContext, input: UpdateOrganizationInput) {
  assertCan(ctx, "organization.update");
  const data = parseInput(UpdateOrganizationInput, input);
  return getDb().transaction(async (tx) => {
    if (data.whatsappPhoneNumberId) {
      // Webhooks find their organization by this number, so it belongs to one only (a unique index backs this up).
      const [taken] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.whatsappPhoneNumberId, data.whatsappPhoneNumberId), ne(organizations.id, ctx.org.id)));
      if (taken) {
        throw fieldError("VALIDATION", "whatsappPhoneNumberId", problem("organizations.whatsappNumberTaken"));
      }
    }
    const [org] = await tx
      .update(organizations)
      .set(data)
      .where(eq(organizations.id, ctx.org.id))
      .returning();
    if (!org) throw new AppError("NOT_FOUND", problem("organizations.notFound"));
    // A field left out (e.g. the retention period from an older client) is unchanged, not "changed to nothing".
    const changed = Object.fromEntries(
      Object.entries(data).filter(([key, value]) => value !== undefined && ctx.org[key as keyof typeof data] !== value),
    );
    await writeAudit(tx, ctx, { action: "organization.updated", targetType: "organization", targetId: org.id, data: changed });
    return org;
  });
}
