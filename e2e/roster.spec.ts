import fs from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { inviteMember, joinByInvitation, newAccount, SignUpPage } from "./pages/auth-pages";

const fixture = fileURLToPath(new URL("./fixtures/participants-30.csv", import.meta.url));

/** A fresh organization reading phone numbers as German, with one weekly event; returns the roster's path. */
async function organizerWithEvent(page: Page, label: string): Promise<{ orgPath: string; rosterPath: string }> {
  const account = newAccount(label);
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(account);
  const orgPath = new URL(page.url()).pathname;

  await page.goto(`${orgPath}/events/new`);
  await page.getByLabel("Title").fill("Morning run");
  await page.getByLabel("Venue name").fill("Main gate");
  await page.getByLabel("Latitude").fill("52.5306");
  await page.getByLabel("Longitude").fill("13.3847");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
  return { orgPath, rosterPath: `${new URL(page.url()).pathname}/roster` };
}

/** The value of a dashboard count ("Ready to import" → "27"). */
function stat(page: Page, label: string) {
  return page.locator("dl").filter({ has: page.getByText(label, { exact: true }) }).locator("dd").first();
}

async function uploadAndPreview(page: Page) {
  await page.getByRole("link", { name: "Import from CSV" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Import participants" })).toBeVisible();
  await page.locator("input[type=file]").setInputFiles(fixture);
  await expect(page.getByText("participants-30.csv")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Import “Telefon” as" })).toHaveValue("phone");
  await expect(page.getByRole("combobox", { name: "Import “Erziehungsberechtigt von” as" })).toHaveValue("guardianOf");
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("heading", { name: "Check the rows" })).toBeVisible();
}

test("an organizer imports a CSV roster twice, edits it by hand and exports it", async ({ page }) => {
  // A long journey (sign-up, event, two imports, edits, export) on a 2-core machine shared with another worker.
  test.setTimeout(120_000);
  const { orgPath, rosterPath } = await organizerWithEvent(page, "Roster");
  await page.goto(rosterPath);
  await expect(page.getByRole("heading", { name: "No one on this roster yet" })).toBeVisible();

  // First import: 27 good rows, and the three bad ones with their spreadsheet line and reason.
  await uploadAndPreview(page);
  await expect(stat(page, "Ready to import")).toHaveText("27");
  await expect(stat(page, "With errors")).toHaveText("2");
  await expect(stat(page, "Duplicates in file")).toHaveText("1");
  await expect(page.getByTestId("preview-line-17")).toContainText("Name is missing.");
  await expect(page.getByTestId("preview-line-20")).toContainText('Phone "0151 123"');
  await expect(page.getByTestId("preview-line-25")).toContainText("Same phone number as line 2.");
  await page.getByRole("button", { name: "All rows (30)" }).click();
  await expect(page.getByTestId("preview-line-3")).toContainText("Weber, Kim");
  await page.getByRole("button", { name: "Import 27 participants" }).click();
  await expect(page.getByText("Import finished")).toBeVisible();
  await expect(stat(page, "Created")).toHaveText("27");
  await expect(stat(page, "Added to roster")).toHaveText("27");
  await expect(stat(page, "Skipped")).toHaveText("3");
  const skipped = page.getByRole("table", { name: "Skipped rows" });
  await expect(skipped.getByRole("row").filter({ hasText: "Lina Hartmann" })).toContainText("20");
  await page.getByRole("link", { name: "Back to the roster" }).click();
  await expect(page.getByTestId("roster-row")).toHaveCount(27);
  await expect(page.getByText("Jürgen Müller")).toBeVisible();

  // The same file again adds nobody.
  await uploadAndPreview(page);
  await expect(stat(page, "Already on roster")).toHaveText("27");
  await expect(page.getByText("Everyone in this file is already on the roster")).toBeVisible();
  await page.getByRole("button", { name: "Import 0 participants" }).click();
  await expect(stat(page, "Created")).toHaveText("0");
  await expect(stat(page, "Already on roster")).toHaveText("27");
  await page.getByRole("link", { name: "Back to the roster" }).click();
  await expect(page.getByTestId("roster-row")).toHaveCount(27);

  // By hand: a refused number stays in the form with the reason, then a good one is added.
  const form = page.getByRole("form", { name: "Add participant" });
  await form.getByLabel("Name").fill("Tom Probe");
  await form.getByLabel("Phone").fill("12345");
  await form.getByRole("button", { name: "Add participant" }).click();
  await expect(page.locator("#add-phone-error")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Tom Probe");
  await form.getByLabel("Phone").fill("0151 99988877");
  await form.getByRole("button", { name: "Add participant" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tom Probe is on the roster." })).toBeVisible();
  await expect(page.getByTestId("roster-row")).toHaveCount(28);

  // Remove one, with a confirmation.
  await page.getByRole("button", { name: "Remove Anna Schmidt from the roster" }).click();
  await page.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByTestId("roster-row")).toHaveCount(27);
  await expect(page.getByTestId("roster-row").filter({ hasText: "Anna Schmidt" })).toHaveCount(0);

  // Export: a CSV download named after the event, with the names in it.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("morning-run-roster.csv");
  const csv = await fs.readFile((await download.path())!, "utf8");
  expect(csv).toContain('"Weber, Kim"');
  expect(csv).toContain("Jürgen Müller");
  expect(csv).toContain("Tom Probe");
  expect(csv).not.toContain("Anna Schmidt");

  // Search the roster by a phone number as people write it.
  await page.getByLabel("Search the roster").fill("0151 3456 7890");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("roster-row")).toHaveCount(1);
  await expect(page.getByTestId("roster-row")).toContainText("Weber, Kim");

  // Edit on a small page that returns to the roster; the imported extra field ("Klasse") is kept.
  await page.getByRole("link", { name: "Edit Weber, Kim" }).click();
  await expect(page.getByLabel("Phone")).toHaveValue("+49 1513 4567890");
  await page.getByLabel("Guardian of").fill("Mia and Ben Weber");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${rosterPath}$`));
  const kim = page.getByTestId("roster-row").filter({ hasText: "Weber, Kim" });
  await expect(kim).toContainText("Mia and Ben Weber");
  await expect(kim).toContainText("Klasse: 5a");

  // The organization's list: search, and delete someone everywhere.
  await page.goto(`${orgPath}/participants`);
  await expect(page.getByTestId("participant-row")).toHaveCount(28);
  await page.getByLabel("Search participants").fill("müller");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("participant-row")).toHaveCount(1);
  await page.getByRole("button", { name: "Delete Jürgen Müller" }).click();
  await expect(page.getByText("removes them from every roster")).toBeVisible();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByText("No one matches “müller”")).toBeVisible();
});

test("landlines in an imported file are named in the preview and on the roster, and not counted as reachable", async ({ page }) => {
  const { rosterPath } = await organizerWithEvent(page, "Landlines");
  await page.goto(rosterPath);
  await page.getByRole("link", { name: "Import from CSV" }).first().click();
  const csv = ["Name;Phone", "Ana Souza;+55 11 98765-4321", "Central SP;+55 (11) 4002-8922", "Kim Weber;0151 23456789", "Büro Berlin;030 1234567"];
  await page.locator("input[type=file]").setInputFiles({ name: "mixed.csv", mimeType: "text/csv", buffer: Buffer.from(csv.join("\n")) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("heading", { name: "Check the rows" })).toBeVisible();
  await expect(stat(page, "Ready to import")).toHaveText("4");
  await expect(page.getByRole("alert").filter({ hasText: "2 numbers cannot receive WhatsApp messages" })).toBeVisible();
  const landline = "Landline: cannot receive WhatsApp messages";
  await expect(page.getByTestId("preview-line-3")).toContainText(landline);
  await expect(page.getByTestId("preview-line-5")).toContainText(landline);
  await expect(page.getByTestId("preview-line-2")).not.toContainText(landline);
  await expect(page.getByTestId("preview-line-4")).not.toContainText(landline);
  await page.getByRole("button", { name: "Import 4 participants" }).click();
  await page.getByRole("link", { name: "Back to the roster" }).click();

  await expect(stat(page, "On the roster")).toHaveText("4");
  await expect(stat(page, "Reachable on WhatsApp")).toHaveText("2");
  await expect(page.getByText("2 numbers cannot receive WhatsApp messages.")).toBeVisible();
  const rows = page.getByTestId("roster-row");
  await expect(rows.filter({ hasText: landline })).toHaveCount(2);
  await expect(rows.filter({ hasText: "Central SP" })).toContainText(landline);
  await expect(rows.filter({ hasText: "Büro Berlin" })).toContainText(landline);
});

test("a staff member reads the roster but cannot change it", async ({ page, browser }) => {
  const { orgPath, rosterPath } = await organizerWithEvent(page, "Lead");
  await page.goto(rosterPath);
  const form = page.getByRole("form", { name: "Add participant" });
  await form.getByLabel("Name").fill("Kim Weber");
  await form.getByLabel("Phone").fill("0151 23456789");
  await form.getByRole("button", { name: "Add participant" }).click();
  await expect(page.getByTestId("roster-row")).toHaveCount(1);

  const staff = newAccount("Helper");
  const inviteLink = await inviteMember(page, orgPath, staff.email, "staff");
  const staffPage = await joinByInvitation(browser, inviteLink, staff);
  await expect(staffPage).toHaveURL(new RegExp(`${orgPath}$`));

  await staffPage.goto(rosterPath);
  await expect(staffPage.getByTestId("roster-row")).toHaveCount(1);
  await expect(staffPage.getByRole("link", { name: "Export CSV" })).toBeVisible();
  await expect(staffPage.getByRole("form", { name: "Add participant" })).toHaveCount(0);
  await expect(staffPage.getByRole("link", { name: "Import from CSV" })).toHaveCount(0);
  await expect(staffPage.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await staffPage.goto(rosterPath.replace(/roster$/, "import"));
  await expect(staffPage.getByText("You don't have access to this page")).toBeVisible();
  await staffPage.goto(`${orgPath}/participants`);
  await expect(staffPage.getByTestId("participant-row")).toHaveCount(1);
  await expect(staffPage.getByRole("button", { name: /^Delete / })).toHaveCount(0);
  await staffPage.context().close();
});

test("the roster export answers 401 without a session", async ({ request }) => {
  const response = await request.get("/no-such-org/events/00000000-0000-4000-8000-000000000000/roster/export");
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe("UNAUTHORIZED");
});
