import { expect, test } from "@playwright/test";
import { SignInPage } from "./pages/auth-pages";
import { E2E_OPERATOR_TOKEN } from "./support/settings";

test("the demo login printed at start-up reaches the demo organization's data", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  // The sign-in page shows the same login the terminal prints.
  await expect(page.getByText("demo@event-coming.local")).toBeVisible();
  await signIn.signIn("demo@event-coming.local", "demo-organizer");

  await expect(page).toHaveURL(/\/maple-grove$/);
  await expect(page.getByRole("heading", { level: 1, name: "Maple Grove School" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Morning school run" })).toBeVisible();
  await expect(page.getByText("Recurring", { exact: true })).toBeVisible();
  await expect(page.locator("dl").filter({ hasText: /^Participants/ })).toHaveText(/^Participants\s*20$/);
});

test("health reports the embedded database as reachable and migrated to an operator, and only the status to anyone", async ({
  request,
}) => {
  const anyone = await request.get("/api/health");
  expect(anyone.status()).toBe(200);
  expect(await anyone.json()).toEqual({ status: "ok" });

  const headers = { "x-request-id": "e2e-health-check", authorization: `Bearer ${E2E_OPERATOR_TOKEN}` };
  const response = await request.get("/api/health", { headers });
  expect(response.status()).toBe(200);
  expect(response.headers()["x-request-id"]).toBe("e2e-health-check");
  const health = await response.json();
  expect(health).toMatchObject({
    status: "ok",
    mode: "embedded",
    parts: { database: { kind: "pglite", ok: true, migrated: true } },
  });
});

test("a newcomer starts the live demo and sees people approach at once and the first arrivals soon after", async ({ page }) => {
  test.setTimeout(240_000);
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("demo@event-coming.local", "demo-organizer");
  await expect(page).toHaveURL(/\/maple-grove$/);

  await page.getByRole("button", { name: "Start a live demo" }).click();
  await expect(page).toHaveURL(/\/maple-grove\/occurrences\/[0-9a-f-]{36}\/live$/, { timeout: 30_000 });
  await expect(page.getByTestId("live-indicator")).toHaveText("Live", { timeout: 15_000 });
  const participants = page.getByRole("list", { name: "Participants" }).getByRole("listitem");
  await expect(participants).toHaveCount(8);
  // Real points through the ingest API: on the way within seconds, the first arrivals a minute or two later, no reload.
  await expect(page.getByTestId("live-map")).toHaveAccessibleName(/8 participants with a position/, { timeout: 30_000 });
  await expect(participants.and(page.locator('[data-state="arrived"]')).first()).toBeVisible({ timeout: 150_000 });
  await expect(page.getByRole("list", { name: "Activity" })).toContainText(/arrived/i);
});
