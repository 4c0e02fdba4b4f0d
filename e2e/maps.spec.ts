import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { streetMapArchive } from "../test/street-map";
import { issueTrackingLink, occurrenceWithParticipants, phoneContext, TrackingPage, VENUE } from "./pages/tracking-page";
import { countColours, type Rgb } from "./support/pixels";
import { startDedicatedServer, type DedicatedServer } from "./support/server";

// A school's deployment that serves its own street map (MAP_STYLE=pmtiles) from a PMTiles file made here: the live
// map and the participant's map draw the streets, and nothing is fetched from anywhere but the app itself.

// Protomaps' "light" colours (the app's style) and the offline style's land.
const EARTH: Rgb = [0xe2, 0xdf, 0xda];
const ROAD: Rgb = [0xff, 0xff, 0xff];
const OFFLINE_LAND: Rgb = [0xf8, 0xfa, 0xfc];
const colours = { earth: EARTH, road: ROAD, offlineLand: OFFLINE_LAND };
// The left part of a map: no controls, no markers (the venue and the phone sit in the middle).
const LEFT_SIDE: [number, number, number, number] = [0, 0.12, 0.38, 0.9];
// Inside its rounded corners, where the page (the offline land's colour, slate-50) shows through.
const PHONE_LEFT_SIDE: [number, number, number, number] = [0.04, 0.06, 0.35, 0.94];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ec-e2e-map-"));
const file = path.join(dir, "streets.pmtiles");
let server: DedicatedServer;

test.beforeAll(async () => {
  fs.writeFileSync(file, streetMapArchive(VENUE).file);
  server = await startDedicatedServer({ MAP_STYLE: "pmtiles", MAP_PMTILES_PATH: file });
});
test.afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * What a map shows on its left side: "streets" (Protomaps' land with white roads, none of the offline land),
 * "offline" (only the offline land), or the counts when neither (while it is still drawing).
 */
async function whatIsDrawn(map: Locator, box: [number, number, number, number], minimumLand: number): Promise<string> {
  const counts = await countColours(map, colours, { box });
  if (counts.earth! > minimumLand && counts.road! > minimumLand / 50 && counts.offlineLand === 0) return "streets";
  if (counts.offlineLand! > minimumLand && counts.earth === 0 && counts.road === 0) return "offline";
  return JSON.stringify(counts);
}

/** Every address the page fetched that is not the app's own. */
function foreignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${server.url}/`) && !/^(data|blob):/.test(url)) foreign.push(url);
  });
  return foreign;
}

test("the live map and the participant's map draw the streets of the app's own PMTiles file, and fall back without it", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 }, locale: "en-GB" });
  const page = await context.newPage();
  const occurrencePath = await occurrenceWithParticipants(page, ["Pia Phone"], { startsInMinutes: 20 });
  const link = new URL(new URL(await issueTrackingLink(page, "Pia Phone")).pathname, server.url).href;

  const organizerForeign = foreignRequests(page);
  const tiles: number[] = [];
  page.on("response", (response) => {
    if (/\/api\/tiles\/\d+\/\d+\/\d+\.mvt$/.test(response.url())) tiles.push(response.status());
  });
  await page.goto(`${occurrencePath}/live`);
  const liveMap = page.getByTestId("live-map");
  await expect(liveMap).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  await expect(liveMap).toHaveAttribute("data-basemap", "pmtiles");
  // Streets: white lines over Protomaps' beige land, where the offline map has only its pale land.
  await expect
    .poll(() => whatIsDrawn(liveMap, LEFT_SIDE, 20_000), { timeout: 30_000 })
    .toBe("streets");
  expect(tiles.filter((status) => status === 200).length).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath("live-map-pmtiles-1280x800.png") });

  // The participant's phone, after consent: the same streets.
  const phone = await phoneContext(browser, { latitude: VENUE.latitude + 300 / 111_320, longitude: VENUE.longitude });
  const tracking = new TrackingPage(await phone.newPage(), link);
  const phoneForeign = foreignRequests(tracking.page);
  await tracking.goto();
  await tracking.consent();
  await expect(tracking.status).toContainText("Sharing");
  const phoneMap = tracking.page.getByTestId("tracking-map");
  await expect(phoneMap).toHaveAttribute("data-basemap", "pmtiles", { timeout: 30_000 });
  await expect
    .poll(() => whatIsDrawn(phoneMap, PHONE_LEFT_SIDE, 5_000), { timeout: 30_000 })
    .toBe("streets");
  await tracking.page.screenshot({ path: testInfo.outputPath("tracking-map-pmtiles-390x844.png") });
  // Positions stay with the school: no map request left the app (no consent line about a map provider either).
  expect([...organizerForeign, ...phoneForeign]).toEqual([]);
  await expect(tracking.page.getByText("The map:")).toHaveCount(0);

  // One tile lost on a poor connection does not cost the streets: the map keeps the app's tiles.
  const flaky = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 }, storageState: await context.storageState() });
  const flakyPage = await flaky.newPage();
  let dropped = 0;
  await flakyPage.route(/\/api\/tiles\/\d+\/\d+\/\d+\.mvt$/, (route) => (dropped++ === 0 ? route.abort("connectionreset") : route.continue()));
  await flakyPage.goto(`${occurrencePath}/live`);
  const flakyMap = flakyPage.getByTestId("live-map");
  await expect(flakyMap).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  await expect
    .poll(() => whatIsDrawn(flakyMap, LEFT_SIDE, 20_000), { timeout: 30_000 })
    .toBe("streets");
  await expect(flakyMap).toHaveAttribute("data-basemap", "pmtiles");
  expect(dropped).toBeGreaterThan(1);
  await flaky.close();

  // The file is gone (a broken deployment): the live map falls back to the offline map, and still works.
  // (A fresh browser: one that has seen the map keeps its style and tiles cached for a while.)
  fs.renameSync(file, `${file}.away`);
  const later = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 }, storageState: await context.storageState() });
  const laterPage = await later.newPage();
  await laterPage.goto(`${occurrencePath}/live`);
  const laterMap = laterPage.getByTestId("live-map");
  await expect(laterMap).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  await expect(laterMap).toHaveAttribute("data-basemap", "offline");
  await expect
    .poll(() => whatIsDrawn(laterMap, LEFT_SIDE, 20_000), { timeout: 30_000 })
    .toBe("offline");
  await expect(laterPage.getByRole("button", { name: "Show everyone" })).toBeVisible();
  await laterPage.screenshot({ path: testInfo.outputPath("live-map-fallback-1280x800.png") });
  fs.renameSync(`${file}.away`, file);
  await phone.close();
  await later.close();
  await context.close();
});
