import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, createTestUser, rejection, type TestOrg } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { resolveOrgContext } = await import("@/lib/tenant/context");
const { createOrganization, updateOrganization } = await import("@/lib/organizations/organizations");

const { auditLogs, organizations } = schema;

async function orgRow(id: string) {
  const [row] = await getDb().select().from(organizations).where(eq(organizations.id, id));
  return row!;
}

const languageAudits = async (organizationId: string) =>
  (
    await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.organizationId, organizationId), eq(auditLogs.action, "organization.updated")))
  ).filter((row) => "language" in (row.data as Record<string, unknown>));

/** The settings form as it posts: every field as it is, and the language to save. */
function settingsWith(org: typeof organizations.$inferSelect, language: string) {
  return {
    name: org.name,
    type: org.type as "school",
    timeZone: org.timeZone,
    defaultCountry: org.defaultCountry,
    whatsappPhoneNumberId: org.whatsappPhoneNumberId ?? "",
    language: language as "de",
  };
}

describe("an organization's language", () => {
  let a: TestOrg;
  let b: TestOrg;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestOrg("Language A"), createTestOrg("Language B")]);
  });

  it("is saved from Settings and recorded in the activity log", async () => {
    await updateOrganization(a.owner.ctx, settingsWith(a.org, "pt-BR"));
    expect((await orgRow(a.org.id)).language).toBe("pt-BR");
    const [audit] = await languageAudits(a.org.id);
    expect(audit?.data).toEqual({ language: "pt-BR" });
  });

  it("refuses a language the app does not speak, and nothing changes", async () => {
    const ctx = await resolveOrgContext(a.owner.user, a.org.slug);
    const before = await orgRow(a.org.id);
    const audits = (await languageAudits(a.org.id)).length;
    const error = await rejection(updateOrganization(ctx, settingsWith(before, "fr")));
    expect(error.code).toBe("VALIDATION");
    expect(error.fields).toHaveProperty("language");
    expect(await orgRow(a.org.id)).toEqual(before);
    expect(await languageAudits(a.org.id)).toHaveLength(audits);
  });

  it("changes only the organization of the one who saves it", async () => {
    const other = await orgRow(b.org.id);
    await updateOrganization(a.owner.ctx, settingsWith(await orgRow(a.org.id), "es"));
    expect((await orgRow(a.org.id)).language).toBe("es");
    expect(await orgRow(b.org.id)).toEqual(other);
  });

  it("cannot be changed by a viewer (or anyone below admin)", async () => {
    const before = await orgRow(a.org.id);
    for (const role of ["viewer", "manager"] as const) {
      const member = await a.add(role);
      const error = await rejection(updateOrganization(member.ctx, settingsWith(before, "de")));
      expect(error.code).toBe("FORBIDDEN");
    }
    expect(await orgRow(a.org.id)).toEqual(before);
  });

  it("is left as it is when an older form posts no language", async () => {
    const before = await orgRow(a.org.id);
    const { language: _omitted, ...withoutLanguage } = settingsWith(before, before.language);
    await updateOrganization(await resolveOrgContext(a.owner.user, a.org.slug), withoutLanguage);
    expect((await orgRow(a.org.id)).language).toBe(before.language);
  });
});

describe("a new organization's language", () => {
  it("comes from its country unless chosen, and a chosen one is kept", async () => {
    const user = await createTestUser();
    const base = { type: "school" as const, timeZone: "America/Sao_Paulo" };
    const brazil = await createOrganization(user, { ...base, name: "Escola Sol", defaultCountry: "BR" });
    const germany = await createOrganization(user, { ...base, name: "Grundschule Mond", defaultCountry: "DE" });
    const india = await createOrganization(user, { ...base, name: "Sunrise School", defaultCountry: "IN" });
    const chosen = await createOrganization(user, { ...base, name: "Colegio Luna", defaultCountry: "BR", language: "es" });
    expect([brazil.language, germany.language, india.language, chosen.language]).toEqual(["pt-BR", "de", "en", "es"]);
  });

  it("refuses a language the app does not speak", async () => {
    const user = await createTestUser();
    const error = await rejection(
      createOrganization(user, { name: "École Soleil", type: "school", timeZone: "Europe/Paris", defaultCountry: "FR", language: "fr" as "de" }),
    );
    expect(error.code).toBe("VALIDATION");
    const made = await getDb().select().from(organizations).where(eq(organizations.name, "École Soleil"));
    expect(made).toEqual([]);
  });
});
