import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { E2E_OPERATOR_TOKEN } from "./e2e/support/settings";

// This file is evaluated by the runner and again in every worker: the values chosen once go into process.env
// (inherited by the workers), so all of them agree on one port and one data folder.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
])
  .toString()
  .trim();
const dataDir = (process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "event-coming-e2e-")));

const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

// The app under test runs in its embedded mode (PGlite in E2E_DATA_DIR, no Redis, generated AUTH_SECRET): the
// settings that would switch it to the production mode are removed. Playwright merges this over process.env, and an
// undefined value is left out of the child's environment.
const productionSettings = [
  "DATABASE_URL",
  "TEST_DATABASE_URL",
  "UPSTASH_REDIS_REST_URL",
  "UPSTASH_REDIS_REST_TOKEN",
  "AUTH_SECRET",
];
const serverEnv: Record<string, string | undefined> = { ...process.env };
for (const name of productionSettings) serverEnv[name] = undefined;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  // Journeys (sign up, invite, reset) do several bcrypt rounds on a 2-core machine: give them room.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /live-scale\.spec\.ts$/ },
    // The live map at 5,000 people measures the page's main-thread tasks: `npm test` runs it alone, after everything
    // else (scripts/test.sh runs this project on its own).
    { name: "scale", use: { ...devices["Desktop Chrome"] }, testMatch: /live-scale\.spec\.ts$/ },
  ],
  webServer: {
    command: `npx --no -- next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      ...(serverEnv as Record<string, string>),
      DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      OPERATOR_TOKEN: E2E_OPERATOR_TOKEN,
      // Links in e-mails and WhatsApp messages point where the browser goes (the default would say localhost).
      APP_URL: baseURL,
      // Every test signs up its own organizers, all from 127.0.0.1.
      SIGNUPS_PER_ADDRESS_PER_HOUR: "10000",
      // Webhook receivers in the tests listen on 127.0.0.1, which production refuses.
      WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: "true",
    },
  },
});
