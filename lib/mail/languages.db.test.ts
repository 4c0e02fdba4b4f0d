import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg } from "@/test/database";

// Every e-mail in its recipient's language: the account's own when it has one, else the language of the request that
// caused it (sign-up, sign-in, reset), else the organization's (an invitation). Mails land in a private outbox folder;
// settings are read once per process, so it is set before anything runs.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ec-mail-languages-"));
process.env.DATA_DIR = dataDir;
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { resolveOrgContext } = await import("@/lib/tenant/context");
const { listOutbox } = await import("./send-mail");
const { signUp } = await import("@/lib/auth/sign-up");
const { verifyCredentials } = await import("@/lib/auth/verify-credentials");
const { requestPasswordReset } = await import("@/lib/auth/password-reset");
const { mailInvitation } = await import("@/lib/members");
const { hashPassword } = await import("@/lib/auth/password");

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const { organizations, users } = schema;
const address = (who: string) => `${who}-${randomUUID().slice(0, 8)}@example.test`;
const mailsTo = (email: string) => listOutbox(10_000).filter((m) => m.to === email);
const PASSWORD = "correct horse battery";
const organization = { name: "Escola", type: "school" as const, timeZone: "America/Sao_Paulo" };

async function accountWith(language: string | null, verified = true) {
  const email = address("account");
  const [user] = await getDb()
    .insert(users)
    .values({ name: "Kim", email, passwordHash: await hashPassword(PASSWORD), language, emailVerified: verified ? new Date() : null })
    .returning();
  return user!;
}

describe("e-mails in the recipient's language", () => {
  it("sign-up: the confirmation speaks the browser's language; the warning to an address's owner speaks theirs", async () => {
    const email = address("nueva");
    await signUp({ name: "Lucía", email, password: PASSWORD, organization }, { address: null, locale: "es" });
    const [confirmation] = mailsTo(email);
    expect(confirmation).toMatchObject({ subject: "Confirma tu correo electrónico en Event-Coming" });
    expect(confirmation!.text).toMatch(/^Hola, Lucía:\n\nAbre este enlace en los próximos dos días .+\/confirm-email\/[A-Za-z0-9_-]+\n/s);

    // Someone signs up again with that address from a Brazilian browser: the owner (no language of their own) is
    // warned in the language of that request…
    await signUp({ name: "Outra", email, password: PASSWORD, organization }, { address: null, locale: "pt-BR" });
    expect(mailsTo(email)[0]).toMatchObject({ subject: "Alguém tentou criar uma conta no Event-Coming com seu e-mail" });
    // …and in their own language once the account has one.
    await getDb().update(users).set({ language: "de" }).where(eq(users.email, email));
    await signUp({ name: "Noch wer", email, password: PASSWORD, organization }, { address: null, locale: "pt-BR" });
    const [warning] = mailsTo(email);
    expect(warning).toMatchObject({ subject: "Jemand wollte mit deiner Adresse ein Event-Coming-Konto anlegen" });
    expect(warning!.text).toContain("Passwort vergessen? ");
  });

  it("sign-in to an unconfirmed account sends the link again in the account's language, else the browser's", async () => {
    const german = await accountWith("de", false);
    await verifyCredentials({ email: german.email, password: PASSWORD }, { address: null, deviceId: null, locale: "es" });
    expect(mailsTo(german.email)[0]).toMatchObject({ subject: "Bestätige deine E-Mail-Adresse für Event-Coming" });
    const unknown = await accountWith(null, false);
    await verifyCredentials({ email: unknown.email, password: PASSWORD }, { address: null, deviceId: null, locale: "pt-BR" });
    expect(mailsTo(unknown.email)[0]).toMatchObject({ subject: "Confirme seu e-mail no Event-Coming" });
  });

  it("password reset: the account's language, else the request's, else English", async () => {
    const german = await accountWith("de");
    await requestPasswordReset({ email: german.email }, "pt-BR");
    const [reset] = mailsTo(german.email);
    expect(reset).toMatchObject({ subject: "Setze dein Event-Coming-Passwort zurück" });
    expect(reset!.text).toMatch(/^Hallo Kim,\n\njemand \(hoffentlich du\) möchte dein Event-Coming-Passwort zurücksetzen\..+\/reset-password\/\S+\n/s);

    const brazilian = await accountWith(null);
    await requestPasswordReset({ email: brazilian.email }, "pt-BR");
    expect(mailsTo(brazilian.email)[0]).toMatchObject({ subject: "Redefina sua senha do Event-Coming" });

    const english = await accountWith(null);
    await requestPasswordReset({ email: english.email });
    expect(mailsTo(english.email)[0]).toMatchObject({ subject: "Reset your Event-Coming password" });
  });

  it("invitation: the invitee's account language, else the organization's", async () => {
    const t = await createTestOrg("Convites");
    await getDb().update(organizations).set({ language: "pt-BR" }).where(eq(organizations.id, t.org.id));
    const ctx = await resolveOrgContext(t.owner.user, t.org.slug);

    const newcomer = address("convidado");
    await mailInvitation(ctx, { email: newcomer, role: "admin", link: "https://app.example.test/invite/abc" });
    const [invitation] = mailsTo(newcomer);
    expect(invitation).toMatchObject({ subject: `Você foi convidado para ${t.org.name} no Event-Coming` });
    expect(invitation!.text).toBe(
      `${t.owner.user.email} convidou você para entrar em ${t.org.name} como administrador.\n\nAceite em até 7 dias:\n\nhttps://app.example.test/invite/abc\n`,
    );

    const spanish = await accountWith("es");
    await mailInvitation(ctx, { email: spanish.email, role: "staff", link: "https://app.example.test/invite/def" });
    expect(mailsTo(spanish.email)[0]!.text).toMatch(/^\S+ te invitó a unirte a .+ como personal\.\n/);
  });
});
