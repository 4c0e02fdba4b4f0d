import { expect, type Browser, type Page } from "@playwright/test";

export type NewAccount = { name: string; email: string; password: string; organization: string };

/** A unique account per test: no test depends on another's data. */
export function newAccount(label: string): NewAccount {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return {
    name: `${label} Tester`,
    email: `${label.toLowerCase()}-${id}@example.test`,
    password: `pw-${id}-long-enough`,
    organization: `${label} Academy ${id}`,
  };
}

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }
}

export class SignUpPage {
  constructor(private readonly page: Page) {}

  async goto(inviteToken?: string) {
    await this.page.goto(inviteToken ? `/sign-up?invite=${encodeURIComponent(inviteToken)}` : "/sign-up");
  }

  async fillPerson(account: Pick<NewAccount, "name" | "email" | "password">) {
    await this.page.getByLabel("Your name").fill(account.name);
    const email = this.page.getByLabel("E-mail");
    if (await email.isEditable()) await email.fill(account.email);
    await this.page.getByLabel("Password").fill(account.password);
  }

  /** Signs up with a new organization (in Berlin, Germany unless told) and waits for its dashboard. */
  async signUp(account: NewAccount, where: { timeZone: string; country: string } = { timeZone: "Europe/Berlin", country: "DE" }) {
    await this.fillPerson(account);
    await this.page.getByLabel("Name", { exact: true }).fill(account.organization);
    await this.page.getByLabel("Type").selectOption("school");
    await this.page.getByLabel("Time zone").selectOption(where.timeZone);
    // Participants' numbers in the fixtures are German and written without +49.
    await this.page.getByLabel("Country for phone numbers").selectOption(where.country);
    await this.page.getByRole("button", { name: "Create account" }).click();
    await confirmEmailFromOutbox(this.page, account.email);
    await expect(this.page.getByRole("heading", { level: 1, name: account.organization })).toBeVisible();
  }
}

/**
 * The organization at `orgPath` speaks `language` to its participants (Settings; leaves `page` there). Signing up in
 * Germany now makes a German-speaking organization (issue 17): journeys a participant sees in English choose it.
 */
export async function setOrganizationLanguage(page: Page, orgPath: string, language: "en" | "pt-BR" | "es" | "de") {
  await page.goto(`${orgPath}/settings`);
  await page.getByRole("combobox", { name: "Language", exact: true }).selectOption(language);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
}

/**
 * After a sign-up: the page says to check the inbox; the embedded mode keeps the mail in the dev outbox, whose link
 * confirms the address and signs the new account in.
 */
export async function confirmEmailFromOutbox(page: Page, email: string) {
  await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toBeVisible();
  await page.goto("/dev/outbox");
  const mail = page
    .getByTestId("outbox-mail")
    .filter({ hasText: `To ${email}` })
    .filter({ hasText: "Confirm your e-mail address" })
    .first();
  await mail.getByRole("link", { name: /confirm-email/ }).click();
  await page.getByRole("button", { name: "Confirm and continue" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** The owner, on `page`, invites `email` to the organization at `orgPath` with `role`; returns the link shown once. */
export async function inviteMember(page: Page, orgPath: string, email: string, role: string): Promise<string> {
  await page.goto(`${orgPath}/members`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  return (await page.getByTestId("invite-link").textContent())!;
}

/** The invitee, in a browser of their own, signs up from the link and confirms the address; lands in the organization. */
export async function joinByInvitation(browser: Browser, inviteLink: string, account: NewAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(inviteLink);
  await page.getByRole("link", { name: "Create an account" }).click();
  await new SignUpPage(page).fillPerson(account);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await confirmEmailFromOutbox(page, account.email);
  return page;
}
