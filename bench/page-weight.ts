// `npm run bench:page`: what a participant's phone downloads to open its tracking page /t/<token>, from the
// production build in the embedded mode: the JavaScript files the page loads (gzip), and the page's inline scripts
// (the React payload, which carries the page's words in its language), in each of the four languages; then what
// agreeing to share adds (the map, loaded only then). Budget: 150 kB gzip of JavaScript files for the page as it
// opens (the exit code says whether it holds). See bench/README.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { LOCALES } from "@/lib/i18n/locales";
import de from "@/lib/i18n/messages/de.json";
import type { SeedOutput } from "./worker";
import { onCleanup, runMain } from "./lib/processes";
import { ensureBuild, ROOT, runWorker, startServer, tail } from "./lib/services";

const { values: args } = parseArgs({
  options: { rebuild: { type: "boolean", default: false }, help: { type: "boolean", default: false } },
});
const BUDGET_KB = 150;
// The seeded venue (bench/worker.ts) and a point 1 km north of it, for the phase after consent.
const NEAR_VENUE = { latitude: 48.8656, longitude: 2.3522, accuracy: 10 };

type Weight = { files: { url: string; raw: number; gzip: number }[]; jsGzip: number; inlineGzip: number };

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
// zlib's default level, as `next start` compresses what it serves.
const gzip = (data: Buffer | string) => gzipSync(data).length;

runMain(async () => {
  if (args.help) return console.log("usage: npm run bench:page -- [--rebuild]"), 0;
  await ensureBuild(args.rebuild);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "event-coming-page-"));
  onCleanup(() => fs.rmSync(workDir, { recursive: true, force: true }));
  const env = { DATA_DIR: path.join(workDir, "data"), LOG_LEVEL: "warn" };
  const seed = await runWorker<SeedOutput>("seed", env, { attendances: 1, links: true }, workDir);
  const server = await startServer(env, path.join(workDir, "server.log"), undefined);
  onCleanup(() => server.process.stop());
  const url = `${server.url}/t/${seed.tokens[0]}`;

  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  onCleanup(() => browser.close());
  const results: Record<string, Weight> = {};
  try {
    for (const locale of LOCALES) {
      const page = await phone(browser);
      // The page speaks its participant's language: the switch stores it, and the next visit is measured fresh.
      await page.goto(url);
      if (locale !== "en") {
        await page.getByTestId("language-switch").selectOption(locale);
        await page.locator(`html[lang="${locale}"]`).waitFor();
      }
      await page.context().close();
      results[locale] = await weigh(await phone(browser), url);
    }
    const page = await phone(browser);
    const opened = await weigh(page, url, async () => {
      // The participant speaks German by now (the last language chosen above).
      await page.getByRole("button", { name: de.tracking.consent.share }).click();
      await page.getByTestId("tracking-map").locator("canvas").waitFor({ timeout: 60_000 });
    });
    results["after consent (de, with the map)"] = opened;
  } catch (error) {
    console.error(`server log:\n${tail(server.logFile)}`);
    throw error;
  }

  const rows = Object.entries(results).map(([name, w]) => ({
    page: name,
    "JS files": w.files.length,
    "JS gzip kB": kb(w.jsGzip),
    "inline gzip kB": kb(w.inlineGzip),
    "total gzip kB": kb(w.jsGzip + w.inlineGzip),
  }));
  console.table(rows);
  // The budget counts the JavaScript files; the inline payload is part of the HTML document and is shown beside it.
  const heaviest = Math.max(...LOCALES.map((l) => results[l]!.jsGzip));
  const inline = Math.max(...LOCALES.map((l) => results[l]!.inlineGzip));
  console.log(`\nthe page as it opens: ${kb(heaviest)} kB gzip of JavaScript files (budget ${BUDGET_KB} kB), and ${kb(inline)} kB inline`);
  const file = path.join(ROOT, "bench/results", `page-weight-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), budgetKb: BUDGET_KB, results }, null, 2));
  console.log(`results: ${path.relative(ROOT, file)}`);
  return heaviest <= BUDGET_KB * 1024 ? 0 : 1;
});

async function phone(browser: import("@playwright/test").Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    permissions: ["geolocation"],
    geolocation: NEAR_VENUE,
  });
  return context.newPage();
}

/** Opens `url` in a fresh phone (nothing cached), runs `then`, and sums what came: JS files and inline scripts. */
async function weigh(page: Page, url: string, then?: () => Promise<void>): Promise<Weight> {
  const scripts: Promise<{ url: string; raw: number; gzip: number } | null>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(
      response.body().then(
        (body) => ({ url: new URL(response.url()).pathname, raw: body.length, gzip: gzip(body) }),
        () => null,
      ),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll("script:not([src])")].map((s) => s.textContent ?? "").join("\n"),
  );
  await then?.();
  await page.waitForLoadState("networkidle");
  const files = (await Promise.all(scripts)).filter((f) => f !== null);
  await page.context().close();
  return { files, jsGzip: files.reduce((sum, f) => sum + f.gzip, 0), inlineGzip: gzip(inline) };
}
