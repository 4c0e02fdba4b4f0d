import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { decodeSnapshot, type WireSnapshot } from "../lib/live/wire";
import { startFakeGraphServer, type FakeGraphServer } from "../test/fakes/graph-api-server";
import { SignInPage } from "./pages/auth-pages";
import { startRoundRobinProxy, type RoundRobinProxy } from "./support/round-robin-proxy";
import { startDedicatedServer, type DedicatedServer } from "./support/server";

// Several servers (issue 19, item 3): two `next start` of the same build in the production mode — PostgreSQL (a
// database of their own on TEST_DATABASE_URL's server), Redis through the Upstash bridge, JOB_RUNNER=local in both —
// behind a round-robin proxy, with the WhatsApp Graph API faked on 127.0.0.1.

type Seed = {
  orgSlug: string;
  orgName: string;
  instanceId: string;
  eventId: string;
  venue: { lat: number; lng: number; radiusM: number };
  tokens: string[];
  attendanceIds: string[];
  messaged: string[];
  email: string;
  password: string;
  apiKey: string;
  sessionCookie: string;
};

const RATE_LIMIT = 5;
const AUTH_SECRET = "several-servers-share-one-secret-0123456789";
const digits = (phone: string) => phone.replace(/\D/g, "");

let seed: Seed;
let graph: FakeGraphServer;
let servers: DedicatedServer[] = [];
let proxy: RoundRobinProxy | undefined;
let databaseUrl: URL;

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const testUrl = process.env.TEST_DATABASE_URL;
  const bridgeUrl = process.env.UPSTASH_REDIS_REST_URL;
  const bridgeToken = process.env.UPSTASH_REDIS_REST_TOKEN;
  if (!testUrl || !bridgeUrl || !bridgeToken) {
    throw new Error("TEST_DATABASE_URL and UPSTASH_REDIS_REST_* must be set: run through `npm test` (scripts/test.sh).");
  }
  databaseUrl = new URL(testUrl);
  databaseUrl.pathname = `${databaseUrl.pathname.slice(1)}_servers`;
  const admin = postgres(testUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${databaseUrl.pathname.slice(1)} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${databaseUrl.pathname.slice(1)}`);
  await admin.end();
  const seeded = execFileSync(process.execPath, ["--import", "tsx", "e2e/support/two-servers-seed.ts"], {
    env: { ...process.env, TEST_DATABASE_URL: databaseUrl.toString(), AUTH_SECRET, UPSTASH_REDIS_REST_URL: "", UPSTASH_REDIS_REST_TOKEN: "" },
    encoding: "utf8",
  });
  seed = JSON.parse(seeded.trim().split("\n").at(-1)!) as Seed;

  graph = await startFakeGraphServer({ acceptedToken: "servers-access-token" });
  // The proxy's address is the app's address (APP_URL); its upstreams are filled in once the servers are up.
  const upstreams: string[] = [];
  proxy = await startRoundRobinProxy(upstreams);
  const settings = {
    DATABASE_URL: databaseUrl.toString(),
    DATABASE_POOL_MAX: "5",
    UPSTASH_REDIS_REST_URL: bridgeUrl,
    UPSTASH_REDIS_REST_TOKEN: bridgeToken,
    AUTH_SECRET,
    APP_URL: proxy.url,
    MAIL_TRANSPORT: "log",
    JOB_RUNNER: "local",
    WHATSAPP_ACCESS_TOKEN: "servers-access-token",
    WHATSAPP_APP_SECRET: "servers-app-secret",
    WHATSAPP_VERIFY_TOKEN: "servers-verify-token",
    WHATSAPP_API_BASE_URL: graph.url,
    TRACKING_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    LOG_LEVEL: "warn",
  };
  servers = await Promise.all([startDedicatedServer(settings), startDedicatedServer(settings)]);
  upstreams.push(...servers.map((s) => s.url));
});

test.afterEach(async ({}, testInfo) => {
  // A dedicated server's output is kept, not printed: show it when something failed.
  if (testInfo.status !== testInfo.expectedStatus) for (const s of servers) console.log(s.output().split("\n").slice(-40).join("\n"));
});

test.afterAll(async () => {
  await proxy?.close();
  await Promise.all(servers.map((s) => s.stop()));
  await graph?.close();
  const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${databaseUrl.pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
});

/** A batch of points `metresNorth` of the venue, `seconds` ago, through `base` (the proxy or one server). */
async function postPoints(base: string, token: string, metresNorth: number, count = 1, secondsAgo = 5) {
  const now = Date.now();
  const points = Array.from({ length: count }, (_, i) => ({
    lat: seed.venue.lat + metresNorth / 111_320,
    lng: seed.venue.lng,
    accuracy: 10,
    recordedAt: new Date(now - (secondsAgo - i) * 1000).toISOString(),
  }));
  const response = await fetch(`${base}/api/track/${token}/points`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ points }),
  });
  return { status: response.status, body: (await response.json()) as { distanceM?: number; accepted?: number } };
}

/** The first snapshot of the live map's stream from one server, with the browser's session cookie. */
async function liveSnapshot(base: string, cookie: string) {
  const response = await fetch(`${base}/api/live/${seed.orgSlug}/${seed.instanceId}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before a snapshot: ${text}`);
    text += new TextDecoder().decode(value);
    const frame = /event: snapshot\ndata: (.*)\n\n/.exec(text);
    if (frame) {
      await reader.cancel();
      return decodeSnapshot(JSON.parse(frame[1]!) as WireSnapshot);
    }
  }
}

test("every scheduled message goes out once, though both servers' dispatchers started together", async () => {
  const wanted = new Set(seed.messaged.map(digits));
  const sentTo = () => graph.requests.map((r) => digits(String((r.body as { to?: string }).to ?? ""))).filter((to) => wanted.has(to));
  await expect.poll(() => sentTo().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(wanted.size);
  // Several more dispatcher ticks on both servers: nothing is sent again.
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  expect(sentTo().sort()).toEqual([...wanted].sort());
});

test("rate limits are shared: a link gets its budget once, not once per server", async () => {
  const token = seed.tokens[0]!;
  const statuses: number[] = [];
  for (let i = 0; i < RATE_LIMIT + 2; i++) statuses.push((await postPoints(proxy!.url, token, 2_000, 1, 20 - i)).status);
  expect(statuses).toEqual([...Array<number>(RATE_LIMIT).fill(200), 429, 429]);
  // Both servers answered some of them.
  expect(new Set(proxy!.served.slice(-statuses.length))).toEqual(new Set([0, 1]));
});

test("a venue edit on one server reaches the other's ingest at once", async () => {
  const [a, b] = servers as [DedicatedServer, DedicatedServer];
  const token = seed.tokens[1]!;
  // Server B caches the link (and its venue) with this batch, 2 km north of the venue.
  const before = await postPoints(b.url, token, 2_000);
  expect(before.status).toBe(200);
  expect(before.body.distanceM).toBeGreaterThan(1_900);
  // Server A moves the venue 2 km north, next to the participant.
  const moved = { venueLat: seed.venue.lat + 2_000 / 111_320, venueLng: seed.venue.lng };
  const patch = await fetch(`${a.url}/api/v1/events/${seed.eventId}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${seed.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(moved),
  });
  expect(patch.status).toBe(200);
  // The next batches on B are measured against the new venue (it was cached there for a minute before). The notice
  // reaches B's listening connection within milliseconds of the commit, but may land just after this request does:
  // a few tries over 3 s, not the cache's 60 s (the link's rate limit leaves four batches).
  let after = await postPoints(b.url, token, 2_050, 1, 2);
  for (const pause of [500, 1_000, 1_500]) {
    if (after.status !== 200 || (after.body.distanceM ?? 0) < 100) break;
    await new Promise((resolve) => setTimeout(resolve, pause));
    after = await postPoints(b.url, token, 2_050, 1, 2);
  }
  expect(after.status).toBe(200);
  expect(after.body.distanceM).toBeLessThan(100);
});

test("the live map is the same from either server", async () => {
  // Positions for two more participants, through the proxy (so through both servers).
  for (const token of seed.tokens.slice(2)) expect((await postPoints(proxy!.url, token, 1_000)).status).toBe(200);
  const cookie = seed.sessionCookie;
  const view = (snapshot: Awaited<ReturnType<typeof liveSnapshot>>) =>
    snapshot.participants.map((p) => ({ id: p.attendanceId, journey: p.journey, position: p.position && [p.position.lat, p.position.lng] })).sort((x, y) => x.id.localeCompare(y.id));
  const [fromA, fromB] = await Promise.all(servers.map((s) => liveSnapshot(s.url, cookie)));
  expect(view(fromA!)).toEqual(view(fromB!));
  // Those who posted away from the (moved) venue are on the map with their positions, whichever server took them.
  const placed = view(fromA!).filter((p) => p.position !== null).map((p) => p.id);
  expect(placed).toEqual(expect.arrayContaining([seed.attendanceIds[0], seed.attendanceIds[2], seed.attendanceIds[3]]));
});

test("an organizer signs in through the round-robin proxy: the form, its action and the redirect land on different servers", async ({ page }) => {
  await page.goto(`${proxy!.url}/sign-in`);
  await new SignInPage(page).signIn(seed.email, seed.password);
  await expect(page).toHaveURL(new RegExp(`/${seed.orgSlug}$`));
  await expect(page.getByText(seed.orgName).first()).toBeVisible();
  await page.reload(); // and again from the other server
  await expect(page.getByText(seed.orgName).first()).toBeVisible();
});
