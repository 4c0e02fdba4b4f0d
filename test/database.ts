import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { AppError } from "@/lib/errors";
import { getDb, schema } from "@/lib/database";
import { resolveOrgContext, type OrgContext, type SignedInUser } from "@/lib/tenant/context";
import type { Role } from "@/lib/tenant/roles";
import type { Locale } from "@/lib/i18n/locales";
import { inLocale } from "./words";

/**
 * Points this test process at the real PostgreSQL test database (TEST_DATABASE_URL, created and migrated by the
 * harness). Call at the top of a `*.db.test.ts` file, before anything reads the settings.
 */
export function connectTestDatabase(): void {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run the suite with `npm test` (scripts/test.sh).");
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-123";
  process.env.APP_URL ??= "http://app.test";
  // Tests read the mails they cause from the outbox.
  process.env.MAIL_TRANSPORT ??= "log";
  process.env.JOB_RUNNER ??= "local";
  process.env.LOG_LEVEL ??= "silent";
}

export type TestMember = { user: SignedInUser; ctx: OrgContext; membershipId: string };
export type TestOrg = { org: typeof schema.organizations.$inferSelect; owner: TestMember; add(role: Role): Promise<TestMember> };

/** A fresh organization with an owner; `add(role)` adds another member. Every suite makes its own: no shared tenants. */
export async function createTestOrg(name = "Test Org"): Promise<TestOrg> {
  const db = getDb();
  const suffix = randomUUID().slice(0, 8);
  const [org] = await db
    .insert(schema.organizations)
    .values({ name: `${name} ${suffix}`, slug: `test-${suffix}`, type: "school", timeZone: "Europe/Berlin" })
    .returning();
  const add = async (role: Role): Promise<TestMember> => {
    const user = await createTestUser();
    const [membership] = await db
      .insert(schema.memberships)
      .values({ organizationId: org!.id, userId: user.id, role })
      .returning();
    return { user, ctx: await resolveOrgContext(user, org!.slug), membershipId: membership!.id };
  };
  return { org: org!, owner: await add("owner"), add };
}

/** A user without a password (tests that need one sign up through `signUp`). */
export async function createTestUser(overrides: { email?: string; isSuperadmin?: boolean } = {}): Promise<SignedInUser> {
  const id = randomUUID();
  const [user] = await getDb()
    .insert(schema.users)
    .values({
      id,
      name: `User ${id.slice(0, 6)}`,
      email: overrides.email ?? `user-${id}@example.test`,
      isSuperadmin: overrides.isSuperadmin ?? false,
    })
    .returning();
  return { id: user!.id, email: user!.email, name: user!.name, isSuperadmin: user!.isSuperadmin };
}

/**
 * Awaits a call that must be refused and returns the AppError it was refused with (fails the test otherwise), its
 * message and field messages worded as a reader of `locale` gets them: English unless a test asks for another.
 */
export async function rejection(promise: Promise<unknown>, locale: Locale = "en"): Promise<AppError> {
  const error = await promise.then(
    () => new Error("expected the call to be refused, but it succeeded"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return inLocale(error as AppError, locale);
}
