import { expect, test, type Page } from "@playwright/test";

// The demo's latest school-run morning is over and its drives are stored: an organizer replays it, moves the time
// slider and sees people on the way, then arriving. Screenshots of the page in English and German (1280×800).

test.use({ viewport: { width: 1280, height: 800 } });

type Words = { email: string; password: string; signIn: string; recent: string; inProgress: string; replay: string };
const ENGLISH: Words = { email: "E-mail", password: "Password", signIn: "Sign in", recent: "Recent occurrences", inProgress: "In progress", replay: "Replay" };
const GERMAN: Words = { email: "E-Mail", password: "Passwort", signIn: "Anmelden", recent: "Letzte Termine", inProgress: "Läuft", replay: "Wiedergabe" };

/** Signs in as the demo organizer and opens the replay of the school run's newest morning that is over. */
async function openLatestReplay(page: Page, words: Words) {
  await page.goto("/sign-in");
  await page.getByLabel(words.email).fill("demo@event-coming.local");
  await page.getByLabel(words.password).fill("demo-organizer");
  await page.getByRole("button", { name: words.signIn, exact: true }).click();
  await expect(page).toHaveURL(/\/maple-grove$/);
  await page.getByRole("link", { name: "Morning school run" }).first().click();
  // A live demo started by another test would be the newest, in progress: the newest one over is wanted.
  const recent = page.getByRole("table", { name: words.recent }).getByRole("row");
  await recent.filter({ has: page.getByRole("link") }).filter({ hasNotText: words.inProgress }).first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/occurrences\/[0-9a-f-]{36}$/);
  await page.getByRole("link", { name: words.replay, exact: true }).click();
  await expect(page).toHaveURL(/\/occurrences\/[0-9a-f-]{36}\/replay$/);
  // WebGL runs on the CPU here (SwiftShader): give the map time on a busy machine.
  await expect(page.getByTestId("live-map")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
}

/** Clicks the time slider where `minutes` after its start lie, as someone would pick a moment. */
async function seek(page: Page, name: string, minutes: number) {
  const slider = page.getByRole("slider", { name });
  const [min, max] = [Number(await slider.getAttribute("min")), Number(await slider.getAttribute("max"))];
  const box = (await slider.boundingBox())!;
  // The thumb's centre travels from half a thumb in to half a thumb before the end (Chromium's thumb is 16 px).
  const share = (minutes * 60_000) / (max - min);
  await slider.click({ position: { x: 8 + (box.width - 16) * share, y: box.height / 2 } });
}

test("an organizer replays the demo's latest school run: the slider moves everyone, and the arrivals fill up", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openLatestReplay(page, ENGLISH);
  await expect(page.getByRole("heading", { level: 1, name: "Replay" })).toBeVisible();
  await expect(page.getByText(/times in Europe\/Berlin/)).toBeVisible();
  const people = page.getByRole("list", { name: "Participants" }).getByRole("listitem");
  const inState = (state: string) => people.and(page.locator(`[data-state="${state}"]`));
  const arrivals = page.getByRole("list", { name: "Arrivals" }).getByRole("listitem");
  const map = page.getByTestId("live-map");

  // Tracking opened an hour before the 07:30 start: nobody is on the way yet, nobody has arrived.
  await expect(people).toHaveCount(20);
  await expect(page.getByTestId("replay-time")).toHaveText("06:30:00");
  await expect(inState("on_the_way")).toHaveCount(0);
  await expect(page.getByText("Nobody had arrived by this time.")).toBeVisible();
  // The map says what it shows: positions at the replayed moment, not live ones; its key names the trails.
  await expect(map).toHaveAccessibleName(/^Replay map: .+ and 0 participants with a position at the replayed time$/);
  await expect(page.getByText("Trail", { exact: true })).toBeVisible();

  // Just before the 07:30 start: some on their way (on the map), with trails behind them.
  await seek(page, "Replayed time", 55);
  await expect(page.getByTestId("replay-time")).toHaveText(/^07:2[3-7]:\d\d$/);
  await expect(inState("on_the_way").first()).toBeVisible();
  await expect(map).toHaveAccessibleName(/and [1-9]\d* participants? with a position/);
  const midwayArrived = await arrivals.count();
  await page.screenshot({ path: testInfo.outputPath("replay-midway.png") });

  // At the end: everyone the gate saw has arrived, in the order they came, with their time.
  const slider = page.getByRole("slider", { name: "Replayed time" });
  await slider.press("End");
  await expect(slider).toHaveValue((await slider.getAttribute("max"))!);
  await expect(page.getByTestId("replay-time")).toHaveText(/^08:\d\d:\d\d$/);
  await expect(inState("on_the_way")).toHaveCount(0);
  const finalArrived = await inState("arrived").count();
  expect(finalArrived).toBeGreaterThan(midwayArrived);
  await expect(arrivals).toHaveCount(finalArrived);
  await expect(page.getByRole("heading", { name: `Arrived: ${finalArrived} of 20` })).toBeVisible();
  await expect(arrivals.first()).toContainText(/\d{2}:\d{2}$/);

  // Played back from the start at 60×, time runs: a minute of the morning per second.
  await slider.press("Home");
  await page.getByRole("button", { name: "60×" }).click();
  await page.getByRole("button", { name: "Play" }).click();
  await expect(page.getByTestId("replay-time")).not.toHaveText("06:30:00");
  await expect(page.getByTestId("replay-time")).toHaveText(/^06:3[2-9]/, { timeout: 15_000 });
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();

  // The map's route answers the trails for a zoom level: fewer points zoomed out; a zoom that is no zoom is refused (422).
  const [, orgSlug, instanceId] = /^\/([^/]+)\/occurrences\/([^/]+)\/replay$/.exec(new URL(page.url()).pathname)!;
  const route = `/api/replay/${orgSlug}/${instanceId}`;
  const points = async (zoom: number) => {
    const response = await page.request.get(`${route}?zoom=${zoom}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { ok: boolean; participants: { trail: unknown[] }[] };
    return body.participants.reduce((sum, p) => sum + p.trail.length, 0);
  };
  expect(await points(9)).toBeLessThan(await points(18));
  const refused = await page.request.get(`${route}?zoom=99`);
  expect(refused.status()).toBe(422);
  expect(await refused.json()).toMatchObject({ error: { code: "VALIDATION" } });
});

test.describe("in German", () => {
  test.use({ locale: "de-DE" });

  test("the replay page speaks German, times in the event's zone", async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await openLatestReplay(page, GERMAN);
    await expect(page.getByRole("heading", { level: 1, name: "Wiedergabe" })).toBeVisible();
    await expect(page.getByText(/Zeiten in Europe\/Berlin/)).toBeVisible();
    await seek(page, "Wiedergegebene Zeit", 55);
    await expect(page.getByRole("list", { name: "Teilnehmende" }).locator('[data-state="on_the_way"]').first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Abspielen" })).toBeVisible();
    await expect(page.getByTestId("live-map")).toHaveAccessibleName(/^Wiedergabe-Karte: .+ zum wiedergegebenen Zeitpunkt$/);
    await page.screenshot({ path: testInfo.outputPath("replay-de.png") });
  });
});
