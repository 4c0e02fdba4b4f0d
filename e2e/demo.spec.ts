import { expect, test } from "@playwright/test";
import { SignInPage } from "./pages/auth-pages";

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

test("health reports the embedded database as reachable and migrated", async ({ request }) => {
  const response = await request.get("/api/health", { headers: { "x-request-id": "e2e-health-check" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["x-request-id"]).toBe("e2e-health-check");
  const health = await response.json();
  expect(health).toMatchObject({
    status: "ok",
    mode: "embedded",
    parts: { database: { kind: "pglite", ok: true, migrated: true } },
  });
});
