import { expect, test } from "@playwright/test";
import {
  VENUE,
  issueTrackingLink,
  journeyCell,
  occurrenceWithParticipant,
  phoneContext,
  TrackingPage,
} from "./pages/tracking-page";

// The participant's phone is a second browser context (390×844, location allowed); `page` is the organizer.
const START = { latitude: 52.5441, longitude: 13.3847 }; // 1.5 km north of the venue
const towardVenue = (f: number) => ({
  latitude: START.latitude + (VENUE.latitude - START.latitude) * f,
  longitude: START.longitude + (VENUE.longitude - START.longitude) * f,
});

test("a participant shares their way to the venue, keeps positions while offline, and is checked in on arrival", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const name = "Mia Weber";
  await occurrenceWithParticipant(page, name);
  const url = await issueTrackingLink(page, name);
  await expect(journeyCell(page, name)).toHaveText("Not started");

  const phone = await phoneContext(browser, START);
  const tracking = new TrackingPage(await phone.newPage(), url);
  await tracking.goto();

  // Consent in plain words before anything is shared: what, who, until when.
  await expect(tracking.page.getByRole("heading", { level: 1, name: "Pick-up" })).toBeVisible();
  await expect(tracking.page.getByText("Main gate", { exact: true })).toBeVisible();
  await expect(tracking.page.getByText("your position, only while this page is open")).toBeVisible();
  await expect(tracking.page.getByText(/the staff of Tracker Academy .* for this event/)).toBeVisible();
  await expect(tracking.page.getByText(/until you arrive \(sharing then stops by itself\)/)).toBeVisible();
  expect(tracking.posts).toHaveLength(0);
  await tracking.consent();

  // The first fix goes out at once; the organizer sees the participant on the way.
  await expect(tracking.status).toContainText("Sharing");
  await expect.poll(() => tracking.posts.length).toBeGreaterThan(0);
  await expect(tracking.page.getByText("1.5 km")).toBeVisible();
  // WebGL runs on the CPU (SwiftShader) here: the map may take a while on a busy 2-core machine.
  await expect(tracking.page.getByTestId("tracking-map").locator("canvas")).toBeVisible({ timeout: 30_000 });
  await expect(journeyCell(page, name)).toContainText("On the way", { timeout: 25_000 });

  // Closer, with a batch every few seconds.
  await tracking.moveTo(towardVenue(0.25).latitude, towardVenue(0.25).longitude);
  await expect(tracking.page.getByText("1.1 km")).toBeVisible();
  await expect.poll(() => tracking.queued(), { timeout: 15_000 }).toEqual([]);
  // Between fixes the page rests: the "Sharing" dot pulsed when sharing began and stopped, so a phone in a pocket
  // with its screen on is not drawing 60 frames a second for nothing.
  const running = () => tracking.page.evaluate(() => document.getAnimations().filter((a) => a.playState === "running").length);
  await expect.poll(running, { timeout: 10_000 }).toBe(0);

  // Offline: positions pile up on the phone (in localStorage), then all go out once it is back.
  await phone.setOffline(true);
  for (const f of [0.4, 0.55, 0.7]) {
    await tracking.moveTo(towardVenue(f).latitude, towardVenue(f).longitude);
    await expect(tracking.status).toContainText(/Offline · \d positions? waiting/);
    await tracking.page.waitForTimeout(300);
  }
  await expect(tracking.status).toContainText("Offline · 3 positions waiting");
  const waiting = await tracking.queued();
  expect(waiting).toHaveLength(3);
  const accepted = tracking.waitForAccepted(waiting);
  await phone.setOffline(false);
  expect((await accepted).accepted).toBeGreaterThanOrEqual(3);
  await expect(tracking.status).toContainText("Sharing your location");
  await expect.poll(() => tracking.queued()).toEqual([]);

  // At the venue: checked in, the page says so and stops sending.
  await tracking.moveTo(VENUE.latitude + 0.0002, VENUE.longitude, 8);
  await tracking.page.waitForTimeout(1_000);
  await tracking.moveTo(VENUE.latitude, VENUE.longitude, 5);
  await expect(tracking.page.getByRole("heading", { name: "You have arrived" })).toBeVisible({ timeout: 20_000 });
  await expect(tracking.page.getByRole("button", { name: "Stop sharing" })).toHaveCount(0);
  await expect(journeyCell(page, name)).toContainText("Arrived", { timeout: 25_000 });
  const sent = tracking.posts.length;
  await tracking.moveTo(VENUE.latitude + 0.003, VENUE.longitude);
  await tracking.page.waitForTimeout(7_000);
  expect(tracking.posts).toHaveLength(sent);
  await expect.poll(() => tracking.queued()).toEqual([]);

  // Opening the link again shows the arrival, not the consent.
  await tracking.goto();
  await expect(tracking.page.getByRole("heading", { name: "You have arrived" })).toBeVisible();
  await expect(tracking.page.getByRole("button", { name: "Share my location" })).toHaveCount(0);
  await phone.close();
});

test("positions survive a reload; Stop sharing ends the link; a replaced or unknown link says so", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const name = "Kim Schulz";
  await occurrenceWithParticipant(page, name);
  const url = await issueTrackingLink(page, name);

  const phone = await phoneContext(browser, START);
  const tracking = new TrackingPage(await phone.newPage(), url);
  await tracking.goto();
  await tracking.consent();
  await expect(tracking.status).toContainText("Sharing");
  await expect.poll(() => tracking.queued(), { timeout: 15_000 }).toEqual([]);

  // The server cannot be reached for a while: the position waits in localStorage, survives a reload, sharing resumes
  // by itself (the person agreed already), and the position goes out once the server answers again.
  await phone.route("**/api/track/**", (route) => route.abort("connectionrefused"));
  await tracking.moveTo(towardVenue(0.3).latitude, towardVenue(0.3).longitude);
  await expect(tracking.status).toContainText("1 position waiting", { timeout: 15_000 });
  const waiting = await tracking.queued();
  expect(waiting).toHaveLength(1);
  await tracking.goto();
  await expect(tracking.status).toContainText("Sharing");
  expect(await tracking.queued()).toEqual(expect.arrayContaining(waiting));
  const accepted = tracking.waitForAccepted(waiting);
  await phone.unroute("**/api/track/**");
  await accepted;
  await expect(tracking.status).toContainText("Sharing your location");
  await expect.poll(() => tracking.queued(), { timeout: 15_000 }).toEqual([]);

  // Stop sharing asks once, then the link takes no more positions.
  await tracking.page.getByRole("button", { name: "Stop sharing" }).click();
  await tracking.page.getByRole("button", { name: "Yes, stop" }).click();
  await expect(tracking.page.getByRole("heading", { name: "You stopped sharing" })).toBeVisible();
  const refused = await tracking.postPoint(towardVenue(0.5).latitude, towardVenue(0.5).longitude);
  expect(refused.status()).toBe(410);
  expect((await refused.json()).error.reason).toBe("stopped");
  await tracking.goto();
  await expect(tracking.page.getByRole("heading", { name: "You stopped sharing" })).toBeVisible();

  // The organizer re-issues the link: the old one says it was replaced.
  await page.getByRole("button", { name: `Re-issue tracking link for ${name}` }).click();
  await page.getByRole("button", { name: "Yes, re-issue" }).click();
  await expect(page.getByRole("textbox", { name: `Tracking link for ${name}` })).not.toHaveValue(url);
  await tracking.goto();
  await expect(tracking.page.getByRole("heading", { level: 1, name: "This link was replaced" })).toBeVisible();
  await expect(tracking.page.getByText("Main gate")).toHaveCount(0);

  // A made-up token reveals nothing.
  const unknown = await tracking.page.goto(url.replace(/[A-Za-z0-9_-]{43}$/, "x".repeat(43)));
  expect(unknown?.status()).toBe(404);
  await expect(tracking.page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  await expect(tracking.page.getByText("Pick-up")).toHaveCount(0);
  await phone.close();
});

test("a link before its window says when it opens, and a cancelled occurrence says so", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const name = "Ben Richter";
  // Starts in 3 hours: tracking opens 60 minutes before, so in about 2 hours.
  await occurrenceWithParticipant(page, name, 180);
  const url = await issueTrackingLink(page, name);

  const phone = await phoneContext(browser, null, false);
  const tracking = new TrackingPage(await phone.newPage(), url);
  await tracking.goto();
  await expect(tracking.page.getByRole("heading", { name: "Sharing has not started yet" })).toBeVisible();
  await expect(tracking.page.getByText(/You can share your location from \d\d:\d\d/)).toBeVisible();
  await expect(tracking.page.getByRole("button", { name: "Share my location" })).toHaveCount(0);

  // The organizer cancels the occurrence: the link says so.
  await page.getByRole("button", { name: "Cancel this occurrence" }).click();
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This occurrence is cancelled" })).toBeVisible();
  await tracking.goto();
  await expect(tracking.page.getByRole("heading", { level: 1, name: "This event was cancelled" })).toBeVisible();
  await phone.close();
});

test("location refused: the page explains how to allow it; when the window closes the page says the link expired", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const name = "Lea Wolf";
  await occurrenceWithParticipant(page, name);
  const url = await issueTrackingLink(page, name);

  const phone = await phoneContext(browser, START, false);
  const tracking = new TrackingPage(await phone.newPage(), url);
  // The phone's clock is under the test's control, to live through the end of the tracking window.
  await tracking.page.clock.install();
  await tracking.goto();
  await tracking.consent();
  await expect(tracking.page.getByRole("heading", { name: "Location is blocked" })).toBeVisible();
  await expect(tracking.page.getByRole("heading", { name: "Chrome on Android" })).toBeVisible();
  await expect(tracking.page.getByRole("heading", { name: "Safari on iPhone" })).toBeVisible();
  expect(tracking.posts).toHaveLength(0);

  // Allowed afterwards: "Try again" starts sharing.
  await phone.grantPermissions(["geolocation"]);
  // The page may already have noticed the permission change and started by itself.
  const retry = tracking.page.getByRole("button", { name: "Try again" });
  if (await retry.isVisible()) await retry.click().catch(() => undefined);
  await expect(tracking.status).toContainText("Sharing");
  await expect.poll(() => tracking.posts.length).toBeGreaterThan(0);

  // The event starts in 30 minutes and lasts an hour, closure 30 minutes after: the window ends in two hours.
  await tracking.page.clock.fastForward("02:01:00");
  await expect(tracking.page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await expect(tracking.page.getByRole("button", { name: "Stop sharing" })).toHaveCount(0);
  const sent = tracking.posts.length;
  await tracking.moveTo(towardVenue(0.5).latitude, towardVenue(0.5).longitude);
  await tracking.page.waitForTimeout(3_000);
  expect(tracking.posts).toHaveLength(sent);
  await phone.close();
});
