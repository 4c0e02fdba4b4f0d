import { expect, test, type Page } from "@playwright/test";
import { VENUE, issueTrackingLink, occurrenceWithParticipants, phoneContext, TrackingPage } from "./pages/tracking-page";

// Two phones walk toward the venue while the organizer watches the live map and the arrival board: nobody reloads.
// The event starts in 12 minutes, on foot, late after start + 5 min: 0.6 km away is on time, 3 km away is not.
const north = (metres: number) => ({ latitude: VENUE.latitude + metres / 111_320, longitude: VENUE.longitude });
const NEAR = "Nora Near";
const FAR = "Felix Far";

function row(page: Page, name: string) {
  return page.getByRole("list", { name: "Participants" }).getByRole("listitem", { name, exact: true });
}

test("the live map and the arrival board follow two participants: ETA order, one late, one checked in on arrival", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const occurrencePath = await occurrenceWithParticipants(page, [NEAR, FAR], { startsInMinutes: 12, onFoot: true, lateGraceMinutes: 5 });
  const nearUrl = await issueTrackingLink(page, NEAR);
  const farUrl = await issueTrackingLink(page, FAR);

  await page.getByRole("link", { name: "Live map" }).click();
  await expect(page).toHaveURL(`${occurrencePath}/live`);
  await expect(page.getByTestId("live-indicator")).toHaveText("Live", { timeout: 15_000 });
  await expect(row(page, NEAR)).toHaveAttribute("data-state", "not_sharing");
  await expect(row(page, FAR)).toHaveAttribute("data-state", "not_sharing");
  // WebGL runs on the CPU here (SwiftShader): give the map time on a busy machine.
  await expect(page.getByTestId("live-map").locator("canvas")).toBeVisible({ timeout: 30_000 });

  const board = await page.context().newPage();
  await board.goto(occurrencePath.replace(/^\/([^/]+)\/occurrences\//, "/board/$1/"));
  await expect(board.getByTestId("arrival-board")).toBeVisible();

  const phones = [];
  for (const [url, start] of [
    [nearUrl, north(600)],
    [farUrl, north(3000)],
  ] as const) {
    const phone = await phoneContext(browser, start);
    phones.push(phone);
    const tracking = new TrackingPage(await phone.newPage(), url);
    await tracking.goto();
    await tracking.consent();
    await expect(tracking.status).toContainText("Sharing");
  }

  // Both on the map, without a reload; the list follows ETA; the far one is flagged late.
  await expect(row(page, NEAR)).toHaveAttribute("data-state", "on_the_way", { timeout: 20_000 });
  await expect(row(page, FAR)).toHaveAttribute("data-state", "late", { timeout: 20_000 });
  await expect(row(page, FAR)).toContainText(/min late/);
  const order = page.getByRole("list", { name: "Participants" }).getByRole("listitem");
  await expect(order.nth(0)).toHaveAccessibleName(NEAR);
  await expect(order.nth(1)).toHaveAccessibleName(FAR);
  await expect(page.getByTestId("count-late")).toContainText("1");
  await expect(page.getByTestId("live-map")).toHaveAccessibleName(/2 participants with a position/);
  await expect(board.getByRole("listitem", { name: FAR, exact: true })).toHaveAttribute("data-state", "late", { timeout: 20_000 });

  // The near one walks in: checked in by the geofence, shown as arrived on the map page and the board.
  const nearPhone = phones[0]!.pages()[0]!;
  for (const metres of [400, 200, 40, 0]) {
    await nearPhone.context().setGeolocation({ ...north(metres), accuracy: metres === 0 ? 5 : 10 });
    await nearPhone.waitForTimeout(1_200);
  }
  await expect(nearPhone.getByRole("heading", { name: "You have arrived" })).toBeVisible({ timeout: 20_000 });
  await expect(row(page, NEAR)).toHaveAttribute("data-state", "arrived", { timeout: 10_000 });
  await expect(page.getByTestId("count-arrived")).toContainText("1");
  await expect(page.getByRole("list", { name: "Activity" })).toContainText(NEAR);
  await expect(board.getByRole("list", { name: "Arrived" }).getByRole("listitem", { name: NEAR, exact: true })).toBeVisible({ timeout: 10_000 });

  // Staff can check the late one in by hand from the list, and take it back.
  await page.getByRole("button", { name: `Check in ${FAR}` }).click();
  await expect(row(page, FAR)).toHaveAttribute("data-state", "arrived", { timeout: 10_000 });
  await page.getByRole("button", { name: `Undo check-in for ${FAR}` }).click();
  await expect(row(page, FAR)).toHaveAttribute("data-state", "late", { timeout: 10_000 });

  // Between updates both pages rest: no endless animation keeps the browser drawing frames all day (the "Live" dot
  // pings when the stream connects, then stops), which a school laptop or a kiosk would pay for in CPU and battery.
  const running = (p: Page) => p.evaluate(() => document.getAnimations().filter((a) => a.playState === "running").length);
  await expect.poll(() => running(page), { timeout: 10_000 }).toBe(0);
  await expect.poll(() => running(board), { timeout: 10_000 }).toBe(0);

  for (const phone of phones) await phone.close();
});
