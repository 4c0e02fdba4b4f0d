import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { streetMapArchive } from "../test/street-map";
import { issueTrackingLink, occurrenceWithParticipants, phoneContext, TrackingPage, VENUE } from "./pages/tracking-page";
import { countColours, type Rgb } from "./support/pixels";
import { startDedicatedServer, type DedicatedServer } from "./support/server";

// A deployment that chose a third-party map (MAP_STYLE=<style URL>): a small map provider on 127.0.0.1 serves the
// style and its tiles. The participant is told who the provider is before agreeing; the page may reach that origin
// and no other; when the provider fails, the map falls back to the offline one.

const BACKGROUND: Rgb = [0xff, 0xd6, 0xa5];
const STREET: Rgb = [0x1d, 0x4e, 0xd8];
const OFFLINE_LAND: Rgb = [0xf8, 0xfa, 0xfc];
const tiles = new Map(streetMapArchive(VENUE).tiles.map((t) => [`${t.z}/${t.x}/${t.y}`, t.data]));
let provider: http.Server;
let providerUrl = "";
let providerDown = false;
const providerRequests: string[] = [];
let server: DedicatedServer;

test.beforeAll(async () => {
  provider = http.createServer((request, response) => {
    providerRequests.push(request.url ?? "");
    const cors = { "access-control-allow-origin": "*" };
    if (providerDown) return void response.writeHead(503, cors).end();
    if (request.url === "/styles/test.json") {
      response.writeHead(200, { ...cors, "content-type": "application/json" });
      return void response.end(
        JSON.stringify({
          version: 8,
          sources: { streets: { type: "vector", tiles: [`${providerUrl}/tiles/{z}/{x}/{y}.pbf`], minzoom: 13, maxzoom: 15 } },
          layers: [
            { id: "background", type: "background", paint: { "background-color": "#ffd6a5" } },
            { id: "streets", type: "line", source: "streets", "source-layer": "roads", paint: { "line-color": "#1d4ed8", "line-width": 4 } },
          ],
        }),
      );
    }
    const tile = tiles.get(/^\/tiles\/(\d+\/\d+\/\d+)\.pbf$/.exec(request.url ?? "")?.[1] ?? "");
    response.writeHead(tile ? 200 : 204, { ...cors, "content-type": "application/x-protobuf" }).end(tile ? Buffer.from(tile) : undefined);
  });
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  server = await startDedicatedServer({ MAP_STYLE: `${providerUrl}/styles/test.json`, MAP_PROVIDER_NAME: "Test Maps" });
});
test.afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => provider?.close(resolve));
});

test("a third-party map is named on the consent screen, is the only outside origin allowed, and falls back when it fails", async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ baseURL: server.url, locale: "en-GB" });
  const page = await context.newPage();
  await occurrenceWithParticipants(page, ["Paul Provider"], { startsInMinutes: 20 });
  const link = new URL(new URL(await issueTrackingLink(page, "Paul Provider")).pathname, server.url).href;
  await context.close();
  // (The event form's venue picker used the provider too.)
  providerRequests.length = 0;

  const phone = await phoneContext(browser, { latitude: VENUE.latitude + 300 / 111_320, longitude: VENUE.longitude });
  const tracking = new TrackingPage(await phone.newPage(), link);
  const response = await tracking.page.goto(link);
  const csp = response!.headers()["content-security-policy"]!;
  expect(csp).toContain(`connect-src 'self' ${providerUrl};`);
  expect(csp).toContain(`img-src 'self' data: blob: ${providerUrl};`);
  expect(new Set(csp.match(/https?:\/\/[^\s;]+/g))).toEqual(new Set([providerUrl]));
  // Before anything is shared, the participant reads who draws the map; nothing was fetched from it yet.
  await expect(tracking.page.getByRole("listitem").filter({ hasText: "The map: comes from Test Maps" })).toBeVisible();
  expect(providerRequests).toEqual([]);
  await tracking.consent();
  const map = tracking.page.getByTestId("tracking-map");
  await expect(map).toHaveAttribute("data-basemap", "provider", { timeout: 30_000 });
  await expect
    .poll(async () => {
      const c = await countColours(map, { background: BACKGROUND, street: STREET }, { box: [0.04, 0.06, 0.35, 0.94] });
      return c.background! > 5_000 && c.street! > 100;
    }, { timeout: 30_000 })
    .toBe(true);
  expect(providerRequests.some((url) => url.startsWith("/tiles/"))).toBe(true);
  await phone.close();

  // The provider is down: the participant still gets a map, the offline one.
  providerDown = true;
  const later = await phoneContext(browser, { latitude: VENUE.latitude + 300 / 111_320, longitude: VENUE.longitude });
  const again = new TrackingPage(await later.newPage(), link);
  await again.goto();
  await again.consent();
  const fallback = again.page.getByTestId("tracking-map");
  await expect(fallback).toHaveAttribute("data-basemap", "offline", { timeout: 30_000 });
  await expect
    .poll(async () => (await countColours(fallback, { land: OFFLINE_LAND }, { box: [0.04, 0.06, 0.35, 0.94] })).land! > 5_000, { timeout: 30_000 })
    .toBe(true);
  await later.close();
});
