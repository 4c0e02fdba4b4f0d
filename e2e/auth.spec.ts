import { expect, test } from "@playwright/test";
import { newAccount, SignInPage, SignUpPage, signOut } from "./pages/auth-pages";

test("sign up creates an organization and lands in it as its owner", async ({ page }) => {
  const account = newAccount("Owner");
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(account);

  const slug = new URL(page.url()).pathname.split("/")[1];
  expect(slug).toMatch(/^owner-academy-/);
  await expect(page.getByText("School · Owner")).toBeVisible();
  await expect(page.getByRole("link", { name: "Members" })).toBeVisible();
  await expect(page.getByText("No events yet")).toBeVisible();
});

test("sign out, then sign in again, and a wrong password is refused", async ({ page }) => {
  const account = newAccount("Returning");
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(account);
  const dashboard = page.url();

  await signOut(page);
  await page.goto(dashboard);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);

  const signIn = new SignInPage(page);
  await signIn.signIn(account.email, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();

  await signIn.signIn(account.email, account.password);
  await expect(page).toHaveURL(dashboard);
  await expect(page.getByRole("heading", { level: 1, name: account.organization })).toBeVisible();
});

test("sign-up shows what is wrong and creates nothing", async ({ page }) => {
  const account = newAccount("Invalid");
  await new SignUpPage(page).goto();
  const signUp = new SignUpPage(page);
  await signUp.fillPerson({ ...account, password: "short" });
  await page.getByLabel("Name", { exact: true }).fill(account.organization);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  // What was typed stays, so only the password needs fixing.
  await expect(page.getByLabel("E-mail")).toHaveValue(account.email);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(account.organization);

  await new SignInPage(page).goto();
  await new SignInPage(page).signIn(account.email, "short");
  await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
});

test("password reset by e-mailed link, which signs out every browser still signed in with the old password", async ({ page, browser }) => {
  const account = newAccount("Forgetful");
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(account);
  const dashboard = page.url();

  // The reset is done from another browser; this one stays signed in meanwhile.
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await new SignInPage(other).goto();
  await other.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(other.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await other.getByLabel("E-mail").fill(account.email);
  await other.getByRole("button", { name: "Send reset link" }).click();
  await expect(other.getByRole("status").filter({ hasText: "If an account uses that address" })).toBeVisible();

  // The embedded mode keeps e-mails in the dev outbox instead of sending them.
  await other.goto("/dev/outbox");
  const mail = other.getByTestId("outbox-mail").filter({ hasText: account.email }).first();
  await mail.getByRole("link", { name: /reset-password/ }).click();

  const newPassword = `${account.password}-new`;
  await other.getByLabel("New password").fill(newPassword);
  await other.getByRole("button", { name: "Set new password" }).click();
  await expect(other.getByRole("status").filter({ hasText: "Your password has been changed" })).toBeVisible();
  await elsewhere.close();

  // The session signed in with the old password no longer opens the dashboard.
  await page.goto(dashboard);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  const signIn = new SignInPage(page);
  await signIn.signIn(account.email, account.password);
  await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  await signIn.signIn(account.email, newPassword);
  await expect(page).toHaveURL(dashboard);
  await expect(page.getByRole("heading", { level: 1, name: account.organization })).toBeVisible();
});
