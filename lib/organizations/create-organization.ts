import { randomBytes } from "node:crypto";
import { type Executor, schema } from "@/lib/database";
import { writeUserAudit } from "@/lib/audit";
import { parseInput } from "@/lib/errors";
import { toSlug } from "@/lib/utils";
import { localeForCountry } from "@/lib/i18n";
import { CreateOrganizationInput } from "./inputs";

const { organizations, memberships } = schema;

/** Top-level paths of the app: an organization slug must never shadow one. */
const RESERVED_SLUGS = new Set(["api", "board", "calendar", "confirm-email", "dev", "invite", "organizations", "sign-in", "sign-up", "forgot-password", "reset-password", "t", "_next"]);

export function slugify(name: string): string {
  const slug = toSlug(name, 40);
  return !slug || RESERVED_SLUGS.has(slug) ? `${slug || "org"}-team` : slug;
}

/** Creates an organization with `userId` as its owner, inside the caller's transaction. */
export async function createOrganizationTx(tx: Executor, userId: string, input: CreateOrganizationInput) {
  const data = parseInput(CreateOrganizationInput, input);
  const base = slugify(data.name);
  let org: typeof organizations.$inferSelect | undefined;
  for (let attempt = 0; !org; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
    [org] = await tx
      .insert(organizations)
      .values({ ...data, language: data.language ?? localeForCountry(data.defaultCountry), slug })
      .onConflictDoNothing({ target: organizations.slug })
      .returning();
  }
  await tx.insert(memberships).values({ organizationId: org.id, userId, role: "owner" });
  await writeUserAudit(tx, userId, {
    organizationId: org.id,
    action: "organization.created",
    targetType: "organization",
    targetId: org.id,
    data: { name: org.name, type: org.type, timeZone: org.timeZone, language: org.language },
  });
  return org;
}
