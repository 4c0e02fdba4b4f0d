import { expect, test } from "@playwright/test";
import { startWebhookReceiver } from "../test/fakes/webhook-receiver";
import { newAccount, SignUpPage } from "./pages/auth-pages";

// An owner adds a webhook endpoint in Settings pointing at a receiver this test runs on 127.0.0.1, sends a test
// event, and sees it in the endpoint's deliveries log with the receiver's answer; the receiver verified the signature
// with the secret shown on the page. Send again delivers the same event (the same webhook-id) once more.
test("a webhook endpoint receives a signed test event, shown in its deliveries log", async ({ page }) => {
  const receiver = await startWebhookReceiver();
  try {
    await new SignUpPage(page).goto();
    await new SignUpPage(page).signUp(newAccount("Hooks"));
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("link", { name: "Manage webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();

    await page.getByLabel("Address (URL)").fill(receiver.url);
    await page.getByLabel("Description").fill("Our CRM");
    await page.getByRole("checkbox", { name: /^message\.failed/ }).uncheck();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Endpoint added.")).toBeVisible();
    await expect(page.getByRole("heading", { name: receiver.url })).toBeVisible();
    await expect(page.getByText("Enabled", { exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Show" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{44}$/);
    receiver.setSecret(secret);

    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText("Test event on its way")).toBeVisible();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(1);
    expect(receiver.received[0]).toMatchObject({ verified: true, payload: { type: "webhook.test" } });

    const log = page.getByRole("table", { name: "Recent deliveries" });
    await expect(async () => {
      await page.reload();
      await expect(log.getByTestId("webhook-delivery").first()).toContainText("Delivered", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    const row = log.getByTestId("webhook-delivery").first();
    await expect(row).toContainText("webhook.test");
    await expect(row).toContainText(/200 · \d+ ms/);

    await row.getByRole("button", { name: "Send webhook.test again" }).click();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
    expect(receiver.received[1]!.id).toBe(receiver.received[0]!.id);
    expect(receiver.received[1]!.verified).toBe(true);
    await page.reload();
    await expect(log.getByTestId("webhook-delivery").first()).toContainText(/Delivered\s*2/);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: test.info().outputPath("webhooks.png"), fullPage: true });

    // Disabled, it takes no test event until it is enabled again.
    await page.getByRole("button", { name: "Disable" }).click();
    await expect(page.getByText("Endpoint disabled.")).toBeVisible();
    await expect(page.getByText("Disabled", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Send test event" })).toBeDisabled();
    await page.getByRole("combobox", { name: "Dashboard language" }).selectOption("de");
    await expect(page.getByRole("heading", { name: "Letzte Zustellungen" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("webhooks-de.png") });
    await page.getByRole("link", { name: "Zurück zu den Einstellungen" }).click();
    await expect(page.getByRole("link", { name: "Webhooks verwalten" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("settings-de.png"), fullPage: true });
  } finally {
    await receiver.close();
  }
});
