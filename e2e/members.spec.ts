import { expect, test } from "@playwright/test";
import { confirmEmailFromOutbox, newAccount, SignUpPage } from "./pages/auth-pages";

test("an invited staff member joins by link and cannot open members or settings", async ({ page, browser }) => {
  const owner = newAccount("Inviter");
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(owner);
  const orgPath = new URL(page.url()).pathname;

  await page.getByRole("link", { name: "Members" }).click();
  const staff = newAccount("Staff");
  await page.getByLabel("E-mail").fill(staff.email);
  await page.getByLabel("Role", { exact: true }).selectOption("staff");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${staff.email}` })).toBeVisible();
  const inviteLink = (await page.getByTestId("invite-link").textContent())!;
  await expect(page.getByRole("cell", { name: staff.email, exact: true })).toBeVisible();

  // The invitee, in a browser of their own, signs up from the link.
  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  await staffPage.goto(inviteLink);
  await expect(staffPage.getByRole("heading", { name: `Join ${owner.organization}` })).toBeVisible();
  await staffPage.getByRole("link", { name: "Create an account" }).click();
  const signUp = new SignUpPage(staffPage);
  await expect(staffPage.getByLabel("E-mail")).toHaveValue(staff.email);
  await signUp.fillPerson(staff);
  await staffPage.getByRole("button", { name: "Create account and join" }).click();
  await confirmEmailFromOutbox(staffPage, staff.email);

  await expect(staffPage).toHaveURL(new RegExp(`${orgPath}$`));
  await expect(staffPage.getByText("School · Staff")).toBeVisible();
  const nav = staffPage.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Members" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);

  for (const path of ["members", "settings"]) {
    await staffPage.goto(`${orgPath}/${path}`);
    await expect(staffPage.getByText("You don't have access to this page")).toBeVisible();
    await expect(staffPage.getByRole("button", { name: /Send invitation|Save settings/ })).toHaveCount(0);
  }

  // The owner now sees the staff member in the team, with the role they were invited with.
  await page.reload();
  const row = page.getByTestId(`member-${staff.email}`);
  await expect(row.getByRole("combobox", { name: `Role of ${staff.name}` })).toHaveValue("staff");
  await staffContext.close();
});

test("the last owner cannot be demoted", async ({ page }) => {
  const owner = newAccount("Solo");
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(owner);
  await page.getByRole("link", { name: "Members" }).click();

  const row = page.getByTestId(`member-${owner.email}`);
  await row.getByRole("combobox", { name: `Role of ${owner.name}` }).selectOption("admin");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("alert")).toContainText("You cannot demote the last owner");
  await page.reload();
  await expect(row.getByRole("combobox", { name: `Role of ${owner.name}` })).toHaveValue("owner");
});

test("settings changes are saved and recorded in the activity log", async ({ page }) => {
  const owner = newAccount("Settler");
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(owner);
  await page.getByRole("link", { name: "Settings" }).click();

  await page.getByLabel("WhatsApp phone number id").fill("not-a-number");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("A WhatsApp phone number id is 5–20 digits.")).toBeVisible();
  await page.getByLabel("WhatsApp phone number id").fill("");

  await page.getByLabel("Default country for phone numbers").selectOption("DE");
  await page.getByLabel("Time zone").selectOption("America/New_York");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Default country for phone numbers")).toHaveValue("DE");
  await expect(page.getByRole("cell", { name: /Changed settings: .*time zone/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: owner.name }).first()).toBeVisible();
});
