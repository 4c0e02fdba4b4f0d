import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import postgres from "postgres";
import { SignInPage } from "./pages/auth-pages";
import { startDedicatedServer, type DedicatedServer } from "./support/server";

// The live map at scale (issue 19, part 1): thousands of real attendances in PostgreSQL (seeded and moved by
// e2e/support/live-scale-seed.ts through the positions' store path), a server of its own, and the browser applying
// the feed's deltas. (The 5,000-participant target, no main-thread task over 100 ms at 1,000 updates a second, is
// not met yet: see docs/benchmarks.md.)

type Seeded = { orgId: string; orgSlug: string; instanceId: string; email: string; password: string; sharing: number };

let databaseUrl: URL;
let server: DedicatedServer;
let seeded: Seeded;
const movers: ChildProcess[] = [];

const seedScript = (args: string[]) => [process.execPath, ["--import", "tsx", "e2e/support/live-scale-seed.ts", ...args]] as const;
const childEnv = () => ({ ...process.env, TEST_DATABASE_URL: databaseUrl.toString(), UPSTASH_REDIS_REST_URL: "", UPSTASH_REDIS_REST_TOKEN: "" });

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const testUrl = process.env.TEST_DATABASE_URL;
  if (!testUrl) throw new Error("TEST_DATABASE_URL must be set: run through `npm test` (scripts/test.sh).");
  databaseUrl = new URL(testUrl);
  databaseUrl.pathname = `${databaseUrl.pathname.slice(1)}_live_scale`;
  const admin = postgres(testUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${databaseUrl.pathname.slice(1)} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${databaseUrl.pathname.slice(1)}`);
  await admin.end();
  const seed = (n: number) => {
    const [cmd, args] = seedScript(["seed", String(n)]);
    return JSON.parse(execFileSync(cmd, args, { env: childEnv(), encoding: "utf8" }).trim().split("\n").at(-1)!) as Seeded;
  };
  seeded = seed(2_000);
  server = await startDedicatedServer({
    DATABASE_URL: databaseUrl.toString(),
    AUTH_SECRET: "live-scale-secret-0123456789-abcdefghij",
    APP_URL: "http://127.0.0.1",
    MAIL_TRANSPORT: "log",
    JOB_RUNNER: "local",
    LOG_LEVEL: "warn",
  });
});

test.afterAll(async () => {
  for (const m of movers) m.kill("SIGTERM");
  await server?.stop();
  const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${databaseUrl.pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
});

function startMoving(s: Seeded, perSecond: number) {
  const [cmd, args] = seedScript(["move", s.orgId, s.instanceId, String(perSecond)]);
  const child = spawn(cmd, args, { env: childEnv(), stdio: "ignore" });
  movers.push(child);
  return child;
}

/** Signs in, opens the live map and waits until the map is drawn with everyone who shares a position. */
async function openLiveMap(page: Page, s: Seeded) {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(s.email, s.password);
  await expect(page).toHaveURL(new RegExp(`/${s.orgSlug}$`));
  await page.goto(`/${s.orgSlug}/occurrences/${s.instanceId}/live`);
  await expect(page.getByTestId("live-indicator")).toHaveText("Live", { timeout: 20_000 });
  await expect(page.getByTestId("live-map")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  await expect(page.getByTestId("live-map")).toHaveAccessibleName(new RegExp(`${s.sharing.toLocaleString("en-US")} participants with a position`));
}

const fixAges = (page: Page) => page.getByTestId("live-row").evaluateAll((rows) => rows.slice(0, 100).map((r) => r.textContent ?? "").join("|"));

test("with 2,000 participants moving, the list and the map keep answering at once", async ({ browser }) => {
  const page = await (await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } })).newPage();
  const moving = startMoving(seeded, 400);
  await openLiveMap(page, seeded);
  // Positions keep arriving without a reload...
  const before = await fixAges(page);
  await expect.poll(() => fixAges(page), { timeout: 15_000 }).not.toBe(before);
  // ...and the page answers: a filter, a row, the map's button, each within a second.
  for (let i = 0; i < 3; i++) {
    await page.getByRole("button", { name: /^Late/ }).click();
    await expect(page.getByRole("button", { name: /^Late/ })).toHaveAttribute("aria-pressed", "true", { timeout: 1_000 });
    await page.getByRole("button", { name: /^All/ }).click();
    const row = page.getByTestId("live-row").nth(i * 3);
    // On the name, not on the row's buttons (check-in, map).
    await row.click({ position: { x: 80, y: 16 } });
    await expect(row).toHaveAttribute("aria-current", "true", { timeout: 1_000 });
  }
  await page.getByRole("button", { name: "Show everyone" }).click();
  await page.screenshot({ path: "test-results/live-map-2000.png" });
  moving.kill("SIGTERM");
});
