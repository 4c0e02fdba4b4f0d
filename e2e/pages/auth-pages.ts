import { expect, type Page } from "@playwright/test";

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

  /** Signs up with a new organization and waits for its dashboard. */
  async signUp(account: NewAccount) {
    await this.fillPerson(account);
    await this.page.getByLabel("Name", { exact: true }).fill(account.organization);
    await this.page.getByLabel("Type").selectOption("school");
    await this.page.getByLabel("Time zone").selectOption("Europe/Berlin");
    // Participants' numbers in the fixtures are German and written without +49.
    await this.page.getByLabel("Country for phone numbers").selectOption("DE");
    await this.page.getByRole("button", { name: "Create account" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: account.organization })).toBeVisible();
  }
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
}
