import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { newAccount, SignUpPage } from "./pages/auth-pages";

const csv = fileURLToPath(new URL("./fixtures/participants-30.csv", import.meta.url));
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

test("an organizer plans a weekly event on the map, imports 30 people, sees the messages and cancels one occurrence", async ({ page }) => {
  const account = newAccount("Planner");
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(account);

  // A weekly event, Mon/Wed/Fri at 07:30, with the venue picked on the map.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events" }).click();
  await page.getByRole("link", { name: "New event" }).first().click();
  await page.getByLabel("Title").fill("School run");
  await page.getByLabel("Start time").fill("07:30");
  for (const day of DAYS) {
    await page.getByRole("checkbox", { name: day, exact: true }).setChecked(["Mon", "Wed", "Fri"].includes(day), { force: true });
  }
  const preview = page.getByTestId("occurrence-preview");
  await expect(preview).toContainText("Every Mon, Wed, and Fri at 07:30");
  await expect(preview.getByRole("listitem")).toHaveCount(10);

  await page.getByLabel("Venue name").fill("Main gate");
  await expect(page.getByLabel("Latitude")).toHaveValue("");
  await page.getByTestId("venue-map").locator("canvas").click({ position: { x: 200, y: 120 } });
  await expect(page.getByLabel("Latitude")).not.toHaveValue("");
  await expect(page.getByLabel("Longitude")).not.toHaveValue("");
  await page.getByRole("button", { name: "Create event" }).click();

  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "School run" })).toBeVisible();
  await expect(page.getByText("Every Mon, Wed, and Fri at 07:30")).toBeVisible();
  const eventPath = new URL(page.url()).pathname;

  // 30 rows from a spreadsheet: 27 good, 3 reported.
  await page.getByRole("link", { name: /^Roster/ }).click();
  await page.getByRole("link", { name: "Import from CSV" }).first().click();
  await page.locator("input[type=file]").setInputFiles(csv);
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByTestId("preview-line-20")).toContainText('Phone "0151 123"');
  await page.getByRole("button", { name: "Import 27 participants" }).click();
  await expect(page.getByText("Import finished")).toBeVisible();

  // The occurrences and, for one of them, exactly which messages go out when.
  await page.goto(eventPath);
  const occurrenceLinks = page.getByRole("table").getByRole("link");
  await expect(occurrenceLinks.first()).toBeVisible();
  expect(await occurrenceLinks.count()).toBeGreaterThanOrEqual(10);
  await occurrenceLinks.nth(3).click();
  await expect(page.getByText("Invited").locator("..")).toContainText("27");
  const timeline = page.getByTestId("timeline-row");
  await expect(timeline).toHaveCount(4);
  for (const label of ["Confirmation request", "Reminder", "Tracking link", "Closure"]) {
    await expect(timeline.filter({ hasText: label })).toContainText("Planned");
  }
  await expect(timeline.filter({ hasText: "Confirmation request" })).toContainText("27 people");
  await expect(timeline.filter({ hasText: "Tracking link" }).getByTestId("follow-ups")).toContainText("Then, if needed: location request");

  // Cancelling the occurrence cancels its messages.
  await page.getByRole("button", { name: "Cancel this occurrence" }).click();
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This occurrence is cancelled" })).toContainText(
    "4 planned messages were cancelled",
  );
  await expect(page.getByText("Cancelled", { exact: true }).first()).toBeVisible();
  for (const label of ["Confirmation request", "Reminder", "Tracking link", "Closure"]) {
    await expect(timeline.filter({ hasText: label })).toContainText("Cancelled");
  }
  await expect(page.getByRole("button", { name: "Cancel this occurrence" })).toHaveCount(0);
});

test("after the server refuses a save, the editor's menus and boxes still show what the organizer chose", async ({ page }) => {
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(newAccount("Refused"));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events" }).click();
  await page.getByRole("link", { name: "New event" }).first().click();

  // No title: the server refuses the save. Everything else differs from the organization's defaults.
  await page.getByLabel("Time zone", { exact: true }).selectOption("America/Sao_Paulo");
  await page.getByLabel("Repeats", { exact: true }).selectOption("daily");
  await page.getByLabel("Ends", { exact: true }).selectOption("count");
  await page.getByLabel("People mostly come", { exact: true }).selectOption("walking");
  await page.getByRole("checkbox", { name: /^Reminder/ }).uncheck();
  const preview = page.getByTestId("occurrence-preview");
  await expect(preview).toContainText("Daily at 08:00, 10 times");
  await expect(preview).toContainText("local time in America/Sao Paulo");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByText("Give the event a title.")).toBeVisible();

  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("America/Sao_Paulo");
  await expect(page.getByLabel("Repeats", { exact: true })).toHaveValue("daily");
  await expect(page.getByLabel("Ends", { exact: true })).toHaveValue("count");
  await expect(page.getByLabel("Number of times", { exact: true })).toHaveValue("10");
  await expect(page.getByLabel("People mostly come", { exact: true })).toHaveValue("walking");
  await expect(page.getByRole("checkbox", { name: /^Reminder/ })).not.toBeChecked();
  await expect(preview).toContainText("Daily at 08:00, 10 times");
  await expect(preview).toContainText("local time in America/Sao Paulo");

  // The kind too, after a second refusal.
  await page.getByRole("radio", { name: "One-off" }).check();
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("radio", { name: "One-off" })).toBeChecked();
  await expect(page.getByLabel("Repeats", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("America/Sao_Paulo");
});
