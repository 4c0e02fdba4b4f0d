import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { localParts, occurrenceWithParticipants } from "./pages/tracking-page";

test("an organizer reads the attendance report of an occurrence and downloads it as CSV", async ({ page }) => {
  test.setTimeout(240_000);
  // The roster joins occurrences that have not started, and the report shows those that have: a start about a
  // minute away (whole minutes, as the form takes them) leaves time to add people, then the test waits for it.
  const startsAt = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
  const occurrencePath = await occurrenceWithParticipants(page, ["Ada Lovelace", "Ben Okafor"], { startsAt });
  const orgPath = occurrencePath.slice(0, occurrencePath.indexOf("/occurrences/"));
  await page.getByRole("button", { name: "Check in Ada Lovelace" }).click();
  await expect(page.getByText("1 arrived · 0 on the way")).toBeVisible();
  await expect(page.getByRole("link", { name: "Attendance report" })).toHaveCount(0); // not started yet
  await page.waitForTimeout(Math.max(0, startsAt.getTime() - Date.now()) + 1_000);
  await page.reload();

  await page.getByRole("link", { name: "Attendance report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Attendance report" })).toBeVisible();
  const { date, time } = localParts(startsAt);
  await expect(page.getByLabel("From")).toHaveValue(date);
  await expect(page.getByLabel("To")).toHaveValue(date);

  const stat = (label: string) => page.locator("dl").filter({ has: page.getByText(label, { exact: true }) });
  // Percentages as the locale writes them (issue 17): "50%" in English, "50 %" in German and Spanish.
  await expect(stat("Occurrences").locator("dd").first()).toHaveText("1");
  await expect(stat("Attended")).toContainText("50%");
  await expect(stat("Attended")).toContainText("1 of 2 invitations");
  await expect(stat("On time").locator("dd").first()).toHaveText("1");
  await expect(stat("Late")).toContainText("nobody was late");

  const occurrenceRow = page.getByRole("table", { name: "Attendance by occurrence" }).getByRole("row").nth(1);
  await expect(occurrenceRow).toContainText("In progress");
  await expect(occurrenceRow.getByRole("cell").last()).toHaveText("50%");
  const people = page.getByRole("table", { name: "Attendance by participant" });
  await expect(people.getByRole("row", { name: /Ada Lovelace/ }).getByRole("cell").last()).toHaveText("100%");
  await expect(people.getByRole("row", { name: /Ben Okafor/ }).getByRole("cell").last()).toHaveText("0%");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`pick-up-attendance-${date}-to-${date}.csv`);
  const lines = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toBe("date,start,name,phone,guardian_of,answer,outcome,checked_in,minutes_late,check_in_method");
  expect(lines.slice(1)).toEqual([
    expect.stringMatching(new RegExp(`^${date},${time},Ada Lovelace,\\+4915199988870,,no answer,on time,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d,0,by hand$`)),
    `${date},${time},Ben Okafor,+4915199988871,,no answer,no answer,,,`,
  ]);

  // Other dates: nothing took place; dates that make no range are explained and the default range is shown.
  await page.getByLabel("From").fill("2020-01-01");
  await page.getByLabel("To").fill("2020-01-31");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("Nothing to report for these dates")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveCount(0);
  await page.goto(`${new URL(page.url()).pathname}?from=2026-02-10&to=2026-02-01`);
  await expect(page.getByText("Those dates cannot be used")).toBeVisible();
  await expect(page.getByText("The last day must not be before the first.")).toBeVisible();
  await expect(stat("Occurrences").locator("dd").first()).toHaveText("1");

  // The menu's Reports page sums up every event over the last 30 days and leads to each report.
  await page.getByRole("link", { name: "Reports" }).first().click();
  const summary = page.getByRole("table", { name: "Attendance by event" }).getByRole("row", { name: /Pick-up/ });
  await expect(summary.getByRole("cell").nth(3)).toHaveText("50%");
  await summary.getByRole("link", { name: "Pick-up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Attendance report" })).toBeVisible();

  // The event page shows how its latest occurrences went, and leads to the report too.
  await page.goto(`${orgPath}/events`);
  await page.getByRole("link", { name: "Pick-up" }).first().click();
  const recent = page.getByRole("table", { name: "Recent occurrences" }).getByRole("row");
  await expect(recent).toHaveCount(2);
  await expect(recent.nth(1)).toContainText("In progress");
  await expect(recent.nth(1).getByRole("cell").nth(1)).toHaveText("1 / 2");
  await expect(recent.nth(1).getByRole("cell").last()).toHaveText("50%");
  await page.getByRole("link", { name: "Attendance report", exact: true }).click();
  await expect(page.getByRole("table", { name: "Attendance by occurrence" }).getByRole("row")).toHaveCount(2);
});
