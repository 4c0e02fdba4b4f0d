import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createTestOrg, connectTestDatabase, rejection } from "@/test/database";
import type { SignUpInput } from "./schemas";

// Settings are read once per process (env() caches them), so the private outbox folder is set before anything runs.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ec-accounts-"));
process.env.DATA_DIR = dataDir;
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { resolveOrgContext } = await import("@/lib/tenant/context");
const { inviteMember } = await import("@/lib/members/invitations");
const { slugify } = await import("@/lib/organizations/create-organization");
const { listOutbox } = await import("@/lib/mail/send-mail");
const { signUp } = await import("./sign-up");
const { confirmEmail } = await import("./email-confirmation");
const { verifyCredentials } = await import("./verify-credentials");
const { requestPasswordReset, resetPassword } = await import("./password-reset");
const { createSession, isSessionActive } = await import("./sessions");

const { auditLogs, memberships, organizations, users, verificationTokens } = schema;

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));


const tag = () => randomUUID().slice(0, 8);
const PASSWORD = "correct horse battery";
const organization = (name: string) => ({ name, type: "school" as const, timeZone: "Europe/Berlin" });
type SignUpDraft = { name: string; email: string; password: string; organization: Record<string, string> };
const usersByEmail = (email: string) => getDb().select().from(users).where(eq(users.email, email));
const confirmationLink = /\/confirm-email\/([A-Za-z0-9_-]+)/;

/** Signs up an address nobody has yet, which must create the account. */
async function signUpNew(input: SignUpInput) {
  const result = await signUp(input);
  if (result.kind !== "created") throw new Error(`expected a new account for ${String(input.email)}, got ${result.kind}`);
  return result;
}

/** The newest confirmation link mailed to `email`. */
function confirmationToken(email: string): string {
  const mail = listOutbox().find((m) => m.to === email && confirmationLink.test(m.text));
  expect(mail, `no confirmation mail to ${email}`).toBeDefined();
  return confirmationLink.exec(mail!.text)![1]!;
}

/** Signs up and follows the confirmation link, as a new organizer does before signing in. */
async function signUpConfirmed(input: SignUpInput) {
  const result = await signUpNew(input);
  expect(await confirmEmail(confirmationToken(String(input.email).trim().toLowerCase()))).toMatchObject({ id: result.userId });
  return result;
}

describe("sign-up", () => {
  it("creates the user, an organization named after the input with its slug, the owner membership and audit rows", async () => {
    const id = tag();
    const orgName = `Maple Grove ${id}`;
    const { userId, orgSlug } = await signUpNew({
      name: "Ada Admin",
      email: `  Ada.${id}@Example.TEST `,
      password: PASSWORD,
      organization: organization(orgName),
    });

    const [user] = await getDb().select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ name: "Ada Admin", email: `ada.${id}@example.test`, isSuperadmin: false });
    expect(user!.passwordHash).toBeTruthy();
    expect(user!.passwordHash).not.toContain(PASSWORD);

    expect(orgSlug).toBe(`maple-grove-${id}`);
    const [org] = await getDb().select().from(organizations).where(eq(organizations.slug, orgSlug));
    expect(org).toMatchObject({ name: orgName, type: "school", timeZone: "Europe/Berlin" });
    const ownMemberships = await getDb().select().from(memberships).where(eq(memberships.userId, userId));
    expect(ownMemberships.map((m) => [m.organizationId, m.role])).toEqual([[org!.id, "owner"]]);
    const ctx = await resolveOrgContext({ id: userId, email: user!.email, name: user!.name, isSuperadmin: false }, orgSlug);
    expect(ctx.role).toBe("owner");

    const audit = await getDb().select().from(auditLogs).where(eq(auditLogs.actorUserId, userId));
    expect(audit.map((r) => [r.action, r.organizationId, r.targetId]).sort()).toEqual(
      [
        ["organization.created", org!.id, org!.id],
        ["user.signed_up", null, userId],
      ].sort(),
    );
  });

  it("keeps the country chosen for reading phone numbers, and falls back to US when none is given", async () => {
    const chosen = await signUpNew({
      name: "Dora",
      email: `dora.${tag()}@example.test`,
      password: PASSWORD,
      organization: { ...organization(`Country ${tag()}`), defaultCountry: "de" },
    });
    const [withCountry] = await getDb().select().from(organizations).where(eq(organizations.slug, chosen.orgSlug));
    expect(withCountry!.defaultCountry).toBe("DE");
    const fallback = await signUpNew({ name: "Ed", email: `ed.${tag()}@example.test`, password: PASSWORD, organization: organization(`Plain ${tag()}`) });
    const [withoutCountry] = await getDb().select().from(organizations).where(eq(organizations.slug, fallback.orgSlug));
    expect(withoutCountry!.defaultCountry).toBe("US");
  });

  it("gives a repeated organization name its own slug", async () => {
    const orgName = `Riverside Academy ${tag()}`;
    const first = await signUpNew({ name: "One", email: `one-${tag()}@example.test`, password: PASSWORD, organization: organization(orgName) });
    const second = await signUpNew({ name: "Two", email: `two-${tag()}@example.test`, password: PASSWORD, organization: organization(orgName) });
    expect(first.orgSlug).toBe(slugify(orgName));
    expect(second.orgSlug).not.toBe(first.orgSlug);
    expect(second.orgSlug).toMatch(new RegExp(`^${slugify(orgName)}-[0-9a-f]{6}$`));
    const named = await getDb().select().from(organizations).where(eq(organizations.name, orgName));
    expect(named.map((o) => o.slug).sort()).toEqual([first.orgSlug, second.orgSlug].sort());
  });

  it("answers an address that already has an account exactly like a new one, creates nothing, and tells the owner", async () => {
    const email = `taken-${tag()}@example.test`;
    await signUpNew({ name: "First", email, password: PASSWORD, organization: organization(`Taken ${tag()}`) });
    const orgName = `Second try ${tag()}`;
    const mailsBefore = listOutbox(10_000).filter((m) => m.to === email).length;
    // No error, no field message: the caller cannot tell it apart from a new sign-up.
    const again = await signUp({ name: "Second", email: email.toUpperCase(), password: PASSWORD, organization: organization(orgName) });
    expect(again).toEqual({ kind: "address_taken" });
    expect((await usersByEmail(email)).map((u) => u.name)).toEqual(["First"]);
    expect(await getDb().select().from(organizations).where(eq(organizations.name, orgName))).toEqual([]);
    const mails = listOutbox(10_000).filter((m) => m.to === email);
    expect(mails.length).toBe(mailsBefore + 1);
    expect(mails[0]!.subject).toBe("Someone tried to create an Event-Coming account with your address");
    expect(mails[0]!.text).toContain("http://app.test/forgot-password");
  });

  it("opens nothing before the address is confirmed: the right password gets the link again, which works once", async () => {
    const email = `unconfirmed-${tag()}@example.test`;
    const { userId } = await signUpNew({ name: "Una", email, password: PASSWORD, organization: organization(`Unconfirmed ${tag()}`) });
    const first = confirmationToken(email);
    expect(await verifyCredentials({ email, password: "not the password" })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ email, password: PASSWORD })).toEqual({ ok: false, reason: "unconfirmed" });
    const resent = confirmationToken(email);
    expect(resent).not.toBe(first);
    expect(await confirmEmail(first)).toBeNull(); // replaced by the one sent again
    expect(await confirmEmail(resent)).toMatchObject({ id: userId, email });
    expect(await confirmEmail(resent)).toBeNull();
    expect(await verifyCredentials({ email, password: PASSWORD })).toMatchObject({ ok: true, user: { id: userId } });
  });

  // Each case breaks one field of an otherwise valid sign-up.
  const invalid = [
    ["a short password", (i: SignUpDraft) => ({ ...i, password: "short" }), "password"],
    ["a malformed e-mail", (i: SignUpDraft) => ({ ...i, email: "not-an-address" }), "email"],
    [
      "an unknown time zone",
      (i: SignUpDraft) => ({ ...i, organization: { ...i.organization, timeZone: "Mars/Olympus_Mons" } }),
      "organization.timeZone",
    ],
    [
      "an unknown organization type",
      (i: SignUpDraft) => ({ ...i, organization: { ...i.organization, type: "club" } }),
      "organization.type",
    ],
    [
      "a country code that is no country",
      (i: SignUpDraft) => ({ ...i, organization: { ...i.organization, defaultCountry: "XX" } }),
      "organization.defaultCountry",
    ],
  ] as const;

  it.each(invalid)("refuses %s with a VALIDATION error on that field and writes nothing", async (_, breakIt, field) => {
    const name = `Invalid ${tag()}`;
    const orgName = `Invalid org ${tag()}`;
    const valid: SignUpDraft = {
      name,
      email: `invalid-${tag()}@example.test`,
      password: PASSWORD,
      organization: organization(orgName),
    };
    const error = await rejection(signUp(breakIt(valid) as never));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
    expect(await getDb().select().from(users).where(eq(users.name, name))).toEqual([]);
    expect(await getDb().select().from(organizations).where(eq(organizations.name, orgName))).toEqual([]);
  });

  it("with an invitation token joins that organization with the invited role instead of creating one", async () => {
    const t = await createTestOrg("Inviting");
    const email = `joiner-${tag()}@example.test`;
    const { token } = await inviteMember(t.owner.ctx, { email, role: "staff" });
    const { userId, orgSlug } = await signUpNew({ name: "Joiner", email, password: PASSWORD, inviteToken: token });
    expect(orgSlug).toBe(t.org.slug);
    const own = await getDb().select().from(memberships).where(eq(memberships.userId, userId));
    expect(own.map((m) => [m.organizationId, m.role])).toEqual([[t.org.id, "staff"]]);
    const created = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.actorUserId, userId), eq(auditLogs.action, "organization.created")));
    expect(created).toEqual([]);
  });

  it("with an invitation for another address creates no account", async () => {
    const t = await createTestOrg("Inviting");
    const { token } = await inviteMember(t.owner.ctx, { email: `invited-${tag()}@example.test`, role: "staff" });
    const email = `other-${tag()}@example.test`;
    expect((await rejection(signUp({ name: "Other", email, password: PASSWORD, inviteToken: token }))).code).toBe(
      "FORBIDDEN",
    );
    expect(await usersByEmail(email)).toEqual([]);
  });
});

describe("sign-in (verifyCredentials)", () => {
  it("accepts the right password, and answers the same 'invalid' for a wrong one and an unknown address", async () => {
    const email = `signin-${tag()}@example.test`;
    const { userId } = await signUpConfirmed({ name: "Sam", email, password: PASSWORD, organization: organization(`Sign in ${tag()}`) });

    expect(await verifyCredentials({ email: email.toUpperCase(), password: PASSWORD }, { address: "203.0.113.7", deviceId: null })).toEqual({
      ok: true,
      user: { id: userId, email, name: "Sam" },
    });
    expect(await verifyCredentials({ email, password: `${PASSWORD}!` }, { address: "203.0.113.7", deviceId: null })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyCredentials({ email: `nobody-${tag()}@example.test`, password: PASSWORD })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});

describe("password reset", () => {
  const resetLink = /\/reset-password\/([A-Za-z0-9_-]+)/;

  it("mails a one-time link that sets a new password", async () => {
    const email = `forgetful-${tag()}@example.test`;
    await signUpConfirmed({ name: "Forgetful", email, password: PASSWORD, organization: organization(`Reset ${tag()}`) });

    await requestPasswordReset({ email: email.toUpperCase() });
    const mail = listOutbox().find((m) => m.to === email);
    expect(mail).toBeDefined();
    expect(mail!.text).toContain("http://app.test/reset-password/");
    const token = resetLink.exec(mail!.text)![1]!;
    expect(token.length).toBeGreaterThanOrEqual(40);

    const before = await verifyCredentials({ email, password: PASSWORD });
    expect(before).toMatchObject({ ok: true });
    const signedInWithOldPassword = await createSession(before.ok ? before.user.id : "");
    expect(await isSessionActive(signedInWithOldPassword, before.ok ? before.user.id : "")).toBe(true);

    const newPassword = "a brand new passphrase";
    expect(await resetPassword({ token, password: newPassword })).toEqual({ email });
    // Every session signed in with the old password has ended on the server.
    expect(await isSessionActive(signedInWithOldPassword, before.ok ? before.user.id : "")).toBe(false);
    expect(await verifyCredentials({ email, password: newPassword })).toMatchObject({ ok: true });
    expect(await verifyCredentials({ email, password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });

    expect((await rejection(resetPassword({ token, password: "yet another passphrase" }))).code).toBe("NOT_FOUND");
    expect((await verifyCredentials({ email, password: newPassword })).ok).toBe(true);
  });

  it("a newer request replaces the earlier link, and an expired link does not work", async () => {
    const email = `twice-${tag()}@example.test`;
    const { userId } = await signUpConfirmed({ name: "Twice", email, password: PASSWORD, organization: organization(`Reset ${tag()}`) });
    await requestPasswordReset({ email });
    await requestPasswordReset({ email });
    const [newer, older] = listOutbox().filter((m) => m.to === email);
    const newerToken = resetLink.exec(newer!.text)![1]!;
    const olderToken = resetLink.exec(older!.text)![1]!;
    expect(newerToken).not.toBe(olderToken);
    expect((await rejection(resetPassword({ token: olderToken, password: "replaced link pass" }))).code).toBe("NOT_FOUND");

    await getDb()
      .update(verificationTokens)
      .set({ expires: new Date(Date.now() - 1000) })
      .where(eq(verificationTokens.identifier, `password-reset:${userId}`));
    expect((await rejection(resetPassword({ token: newerToken, password: "expired link pass" }))).code).toBe("NOT_FOUND");
    expect((await verifyCredentials({ email, password: PASSWORD })).ok).toBe(true);
  });

  it("an unknown address gets no mail and no error", async () => {
    const email = `ghost-${tag()}@example.test`;
    const before = listOutbox(10_000).length;
    await expect(requestPasswordReset({ email })).resolves.toBeUndefined();
    expect(listOutbox(10_000).length).toBe(before);
  });
});
