import { expect, test } from "@playwright/test";
import { newAccount, SignUpPage } from "./pages/auth-pages";

test("an admin creates an API key, sees it once, calls the API with it, and revokes it", async ({ page, request }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const owner = newAccount("Keys");
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(owner);
  const orgPath = new URL(page.url()).pathname;

  await page.goto(`${orgPath}/settings`);
  await page.getByRole("link", { name: "Manage API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await expect(page.getByText("No API keys yet")).toBeVisible();
  await page.getByLabel("Name").fill("Roster sync");
  await page.getByLabel("Role", { exact: true }).selectOption("manager");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Key “Roster sync” created." })).toBeVisible();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^ec_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId("api-key-Roster sync");
  await expect(row).toContainText(key.slice(0, 11));
  await expect(row).toContainText("Manager");
  await expect(row).toContainText("Never");
  await page.screenshot({ path: testInfo.outputPath("api-keys.png"), fullPage: true });

  // The key itself is never shown again: only its prefix.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.getByText(key)).toHaveCount(0);
  await expect(row).toContainText(key.slice(0, 11));

  const headers = { authorization: `Bearer ${key}` };
  const created = await request.post("/api/v1/events", {
    headers: { ...headers, "idempotency-key": "e2e-first-event" },
    data: {
      title: "Synced bus",
      kind: "demand",
      dtstartLocal: "2031-03-03T07:30",
      durationMinutes: 45,
      timeZone: "Europe/Berlin",
      venueName: "School gate",
      venueLat: 52.52,
      venueLng: 13.405,
    },
  });
  expect(created.status()).toBe(201);
  const listed = await request.get("/api/v1/events", { headers });
  expect(listed.status()).toBe(200);
  expect((await listed.json()).data.map((e: { title: string }) => e.title)).toEqual(["Synced bus"]);
  await page.reload();
  await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: "Revoke the key Roster sync" }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByText("No API keys yet")).toBeVisible();
  const refused = await request.get("/api/v1/events", { headers });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("UNAUTHORIZED");

  // The activity log says who did it, in words, including the change made through the key.
  await page.goto(`${orgPath}/settings`);
  await expect(page.getByText("Created the API key “Roster sync”")).toBeVisible();
  await expect(page.getByText("Revoked the API key “Roster sync”")).toBeVisible();
  await expect(page.getByText("through the API key “Roster sync”")).toBeVisible();
});

test("the API reference renders from our own origin under the page's CSP", async ({ page, baseURL }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const foreign: string[] = [];
  const violations: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) foreign.push(r.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto("/docs/api");
  expect(response!.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  await expect(page.getByRole("heading", { name: "Event-Coming API", exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("List occurrences in a date range").first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("api-reference.png") });
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);

  const document = await page.request.get("/api/v1/openapi.json");
  expect(document.status()).toBe(200);
  expect(document.headers()["cache-control"]).toContain("public");
  expect((await document.json()).openapi).toBe("3.1.0");
});
