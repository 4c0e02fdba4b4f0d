import { expect, test } from "@playwright/test";
import { newAccount, SignUpPage } from "./pages/auth-pages";

test("a user in several organizations switches between them, and cannot open someone else's", async ({ page }) => {
  const account = newAccount("Switcher");
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(account);
  const firstPath = new URL(page.url()).pathname;

  await page.locator("summary").filter({ hasText: account.organization }).click();
  await page.getByRole("link", { name: "New organization" }).click();
  const second = `${account.organization} Shuttles`;
  await page.getByLabel("Name").fill(second);
  await page.getByLabel("Type").selectOption("enterprise");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { level: 1, name: second })).toBeVisible();
  await expect(page.getByText("Company · Owner")).toBeVisible();

  await page.locator("summary").filter({ hasText: second }).click();
  await page.getByRole("link", { name: account.organization, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${firstPath}$`));
  await expect(page.getByRole("heading", { level: 1, name: account.organization })).toBeVisible();

  // The demo organization exists, but this user is not a member: it looks exactly like a missing one.
  await page.goto("/maple-grove/members");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Maple Grove School")).toHaveCount(0);
});
