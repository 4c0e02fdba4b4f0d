import { expect, request, test } from "@playwright/test";
import ICAL from "ical.js";
import { newAccount, SignUpPage } from "./pages/auth-pages";

/** What a calendar app gets from an address: no cookie, no session. */
async function fetchFeed(address: string) {
  const anonymous = await request.newContext();
  const response = await anonymous.get(address);
  const result = { status: response.status(), type: response.headers()["content-type"], text: await response.text() };
  await anonymous.dispose();
  return result;
}

test("an organizer copies an event's calendar address, a calendar app reads it, and a new address retires the old", async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(newAccount("Calendar"));
  const orgPath = new URL(page.url()).pathname;

  await page.goto(`${orgPath}/events/new`);
  await page.getByLabel("Title").fill("Morning run");
  await page.getByLabel("Venue name").fill("Main gate");
  await page.getByLabel("Latitude").fill("52.5306");
  await page.getByLabel("Longitude").fill("13.3847");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
  const occurrenceIds = (await page.getByRole("table").first().getByRole("link").evaluateAll((links) =>
    links.map((link) => (link as HTMLAnchorElement).pathname.split("/").at(-1)!),
  )).filter((id) => /^[0-9a-f-]{36}$/.test(id));
  expect(occurrenceIds.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Copy address" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("event-calendar-card.png") });
  await page.getByRole("button", { name: "Copy address" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const address = await page.evaluate(() => navigator.clipboard.readText());
  expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(page.getByLabel("Subscription address")).toHaveValue(address);
  await expect(page.getByRole("link", { name: "Open in calendar app" })).toHaveAttribute("href", address.replace(/^http:/, "webcal:"));

  const feed = await fetchFeed(address);
  expect(feed.status).toBe(200);
  expect(feed.type).toBe("text/calendar; charset=utf-8");
  const calendar = new ICAL.Component(ICAL.parse(feed.text));
  const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
  expect(events.every((event) => event.summary === "Morning run")).toBe(true);
  const uids = new Set(events.map((event) => event.uid));
  for (const id of occurrenceIds) expect(uids).toContain(`${id}@event-coming`);

  // A new address: the old one stops at once.
  await page.getByRole("button", { name: "Make a new address" }).click();
  await expect(page.getByText("The current one stops working at once")).toBeVisible();
  await page.getByRole("button", { name: "Make new address" }).click();
  await expect(page.getByText("New address ready.")).toBeVisible();
  const fresh = await page.getByLabel("Subscription address").inputValue();
  expect(fresh).not.toBe(address);
  expect((await fetchFeed(address)).status).toBe(404);
  expect((await fetchFeed(fresh)).status).toBe(200);

  // The organization's feed, in Settings.
  await page.goto(`${orgPath}/settings`);
  await page.getByRole("heading", { name: "Calendar feed" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("settings-calendar-card.png") });
  const orgFeed = await fetchFeed(await page.getByLabel("Subscription address").inputValue());
  expect(orgFeed.status).toBe(200);
  expect(orgFeed.text).toContain("SUMMARY:Morning run");
});
