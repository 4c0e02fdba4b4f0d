import { eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";

const { organizations } = schema;

export type OrganizationLookup = { ok: true; organizationId: string } | { ok: false; reason: "unknown" | "ambiguous" };

/**
 * The organization a WhatsApp business number belongs to. Reads across tenants (hence `unsafe`): the webhook has no
 * other way to learn its tenant. Two organizations claiming the same number is a configuration error, and guessing
 * would hand one organization's replies to the other, so that answers "ambiguous" and the event is dropped.
 */
export async function unsafeFindOrganizationByPhoneNumberId(phoneNumberId: string): Promise<OrganizationLookup> {
  const found = await getDb()
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.whatsappPhoneNumberId, phoneNumberId))
    .limit(2);
  if (found.length === 0) return { ok: false, reason: "unknown" };
  if (found.length > 1) return { ok: false, reason: "ambiguous" };
  return { ok: true, organizationId: found[0]!.id };
}
