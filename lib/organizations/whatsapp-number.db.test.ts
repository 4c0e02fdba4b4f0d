import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, rejection } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { updateOrganization } = await import("@/lib/organizations/organizations");

const settings = (org: typeof schema.organizations.$inferSelect, whatsappPhoneNumberId: string) => ({
  name: org.name,
  type: org.type,
  timeZone: org.timeZone,
  defaultCountry: org.defaultCountry,
  whatsappPhoneNumberId,
});

describe("WhatsApp number setting", () => {
  it("connects a number to one organization only, with a clear message and nothing changed", async () => {
    const a = await createTestOrg("Number owner");
    const b = await createTestOrg("Number taker");
    const number = `1${Date.now()}`;
    await updateOrganization(a.owner.ctx, settings(a.org, number));
    const refused = await rejection(updateOrganization(b.owner.ctx, { ...settings(b.org, number), name: "Taker renamed" }));
    expect(refused).toMatchObject({
      code: "VALIDATION",
      fields: { whatsappPhoneNumberId: ["This WhatsApp number is already connected to another organization."] },
    });
    const [bAfter] = await getDb().select().from(schema.organizations).where(eq(schema.organizations.id, b.org.id));
    expect(bAfter).toMatchObject({ name: b.org.name, whatsappPhoneNumberId: null });
    // Saving its own number again is fine.
    await expect(updateOrganization(a.owner.ctx, settings(a.org, number))).resolves.toMatchObject({ whatsappPhoneNumberId: number });
  });
});
