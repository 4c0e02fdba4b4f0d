import { expect, test, type Page } from "@playwright/test";
import { newAccount, SignUpPage } from "./pages/auth-pages";

const ZONE = "Europe/Berlin"; // the zone SignUpPage gives the organization

/** "YYYY-MM-DD" and "HH:mm" of an instant in the organization's zone, as the event form's inputs take them. */
function localParts(at: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** A one-off event starting in about half an hour (its tracking window is already open), with one participant. */
async function liveOccurrence(page: Page, participant: string): Promise<string> {
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(newAccount("Live"));
  const orgPath = new URL(page.url()).pathname;

  await page.goto(`${orgPath}/events/new`);
  await page.getByLabel("Title").fill("Pick-up");
  await page.getByRole("radio", { name: "One-off" }).check();
  const { date, time } = localParts(new Date(Date.now() + 30 * 60_000));
  await page.getByLabel("Date", { exact: true }).fill(date);
  await page.getByLabel("Start time").fill(time);
  await page.getByLabel("Venue name").fill("Main gate");
  await page.getByLabel("Latitude").fill("52.5306");
  await page.getByLabel("Longitude").fill("13.3847");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
  const eventPath = new URL(page.url()).pathname;

  await page.goto(`${eventPath}/roster`);
  const form = page.getByRole("form", { name: "Add participant" });
  await form.getByLabel("Name").fill(participant);
  await form.getByLabel("Phone").fill("0151 99988877");
  await form.getByRole("button", { name: "Add participant" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${participant} is on the roster.` })).toBeVisible();

  await page.goto(eventPath);
  const occurrences = page.getByRole("table").getByRole("link");
  await expect(occurrences).toHaveCount(1);
  await occurrences.click();
  await expect(page).toHaveURL(/\/occurrences\/[0-9a-f-]{36}$/);
  return orgPath;
}

test("staff issue and re-issue a tracking link and check a participant in and out by hand", async ({ page }) => {
  test.setTimeout(120_000);
  const name = "Tom Probe";
  const orgPath = await liveOccurrence(page, name);
  const row = page.getByTestId("attendance-row").filter({ hasText: name });
  await expect(row.getByTestId("journey")).toHaveText("Not started");
  await expect(page.getByText("Live · updates every 10 s")).toBeVisible();

  // Issue: the full URL is shown once, with a copy button and the note that it is not stored.
  await page.getByRole("button", { name: `Create tracking link for ${name}` }).click();
  const link = page.getByRole("textbox", { name: `Tracking link for ${name}` });
  await expect(link).toHaveValue(/^https?:\/\/[^/]+\/t\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(page.getByText("It is shown only now")).toBeVisible();
  await expect(row.getByTestId("link-state")).toHaveText("Link not opened yet");
  const first = await link.inputValue();

  // Re-issue: asked first, then a different URL (the old one is revoked).
  await page.getByRole("button", { name: `Re-issue tracking link for ${name}` }).click();
  await expect(page.getByText("The link they have now stops working")).toBeVisible();
  await page.getByRole("button", { name: "Yes, re-issue" }).click();
  await expect(link).not.toHaveValue(first);
  await expect(link).toHaveValue(/^https?:\/\/[^/]+\/t\/[A-Za-z0-9_-]{43}$/);
  const second = await link.inputValue();

  // By hand: arrived now, then taken back.
  await page.getByRole("button", { name: `Check in ${name}` }).click();
  await expect(row.getByTestId("journey")).toHaveText(/^Arrived \d\d:\d\d · by hand$/);
  await expect(page.getByText("1 arrived · 0 on the way")).toBeVisible();
  await page.getByRole("button", { name: `Undo check-in for ${name}` }).click();
  await expect(row.getByTestId("journey")).toHaveText("Not started");
  await expect(page.getByRole("button", { name: `Check in ${name}` })).toBeVisible();

  // The phone reports through the new link; the old one is refused. The page refreshes itself: no reload.
  const send = (url: string, points: { lat: number; lng: number; accuracy: number }[]) =>
    page.request.post(`${new URL(url).pathname.replace("/t/", "/api/track/")}/points`, {
      data: { points: points.map((p, i) => ({ ...p, recordedAt: new Date(Date.now() - (points.length - i) * 1000).toISOString() })) },
    });
  const refused = await send(first, [{ lat: 52.5396, lng: 13.3847, accuracy: 20 }]);
  expect(refused.status()).toBe(410);
  expect((await refused.json()).error.reason).toBe("revoked");
  expect((await send(second, [{ lat: 52.5396, lng: 13.3847, accuracy: 20 }])).status()).toBe(200);
  await expect(row.getByTestId("journey")).toContainText("On the way", { timeout: 25_000 });
  await expect(row.getByTestId("journey")).toContainText("1.0 km away");
  const arrived = await send(second, [
    { lat: 52.5307, lng: 13.3848, accuracy: 15 },
    { lat: 52.5306, lng: 13.3847, accuracy: 10 },
  ]);
  expect(arrived.status()).toBe(200);
  await expect(row.getByTestId("journey")).toHaveText(/^Arrived \d\d:\d\d · on the map$/, { timeout: 25_000 });

  // The retention period is an organization setting.
  await page.goto(`${orgPath}/settings`);
  const retention = page.getByLabel("Keep location history for");
  await expect(retention).toHaveValue("90");
  await retention.fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Keep location history for at least 1 day.")).toBeVisible();
  await page.getByLabel("Keep location history for").fill("30");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Keep location history for")).toHaveValue("30");
  await expect(page.getByText("Changed settings: location history retention")).toBeVisible();
});
