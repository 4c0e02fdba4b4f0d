import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, createTestUser, type TestOrg } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { decideLocale } = await import("./request-locale");

type User = Awaited<ReturnType<typeof createTestUser>>;
const withLanguage = (user: User, language: string | null = null) => ({ ...user, language });

async function setOrgLanguage(id: string, language: string) {
  await getDb().update(schema.organizations).set({ language }).where(eq(schema.organizations.id, id));
}

describe("the language a dashboard page is answered in", () => {
  let brazilian: TestOrg;
  let german: TestOrg;

  beforeAll(async () => {
    [brazilian, german] = await Promise.all([createTestOrg("Escola"), createTestOrg("Schule")]);
    await Promise.all([setOrgLanguage(brazilian.org.id, "pt-BR"), setOrgLanguage(german.org.id, "de")]);
  });

  it("is the organizer's own choice first, whatever the browser or the organization says", async () => {
    const user = withLanguage(brazilian.owner.user, "es");
    expect(await decideLocale({ path: `/${brazilian.org.slug}/events`, acceptLanguage: "de-DE,de;q=0.9", user })).toBe("es");
  });

  it("is the browser's next, when it speaks one of ours", async () => {
    const user = withLanguage(brazilian.owner.user);
    expect(await decideLocale({ path: `/${brazilian.org.slug}`, acceptLanguage: "de-AT,de;q=0.9,en;q=0.5", user })).toBe("de");
    expect(await decideLocale({ path: `/${brazilian.org.slug}`, acceptLanguage: "en-US,en;q=0.9", user })).toBe("en");
  });

  it("is the organization's when the browser speaks none of ours (the board too)", async () => {
    const user = withLanguage(brazilian.owner.user);
    expect(await decideLocale({ path: `/${brazilian.org.slug}/occurrences`, acceptLanguage: "fr-FR,ja;q=0.5", user })).toBe("pt-BR");
    expect(await decideLocale({ path: `/board/${brazilian.org.slug}/x`, acceptLanguage: null, user })).toBe("pt-BR");
  });

  it("never borrows the language of an organization the organizer is not a member of", async () => {
    const user = withLanguage(brazilian.owner.user);
    expect(await decideLocale({ path: `/${german.org.slug}/settings`, acceptLanguage: "fr-FR", user })).toBe("en");
    expect(await decideLocale({ path: `/${german.org.slug}`, acceptLanguage: null, user: null })).toBe("en");
  });

  it("follows the organization when its language changes", async () => {
    const org = await createTestOrg("Colegio");
    const user = withLanguage(org.owner.user);
    expect(await decideLocale({ path: `/${org.org.slug}`, acceptLanguage: null, user })).toBe("en");
    await setOrgLanguage(org.org.id, "es");
    expect(await decideLocale({ path: `/${org.org.slug}`, acceptLanguage: null, user })).toBe("es");
  });
});

describe("the language a tracking page is answered in", () => {
  it("is the participant's, else their organization's, whatever the browser says", async () => {
    const t = await given.org().occurrence({ open: true }).people(2).links();
    await setOrgLanguage(t.org.id, "de");
    const [own, orgs] = t.people;
    await getDb().update(schema.participants).set({ language: "pt-BR" }).where(eq(schema.participants.id, own!.participant.id));
    expect(await decideLocale({ path: own!.link!.path, acceptLanguage: "es", user: null })).toBe("pt-BR");
    expect(await decideLocale({ path: orgs!.link!.path, acceptLanguage: "es", user: null })).toBe("de");
  });

  it("is the browser's for a link that opens nothing", async () => {
    expect(await decideLocale({ path: "/t/not-a-real-token-at-all-0000000000", acceptLanguage: "es-MX", user: null })).toBe("es");
    expect(await decideLocale({ path: "/t/not-a-real-token-at-all-0000000000", acceptLanguage: null, user: null })).toBe("en");
  });
});
