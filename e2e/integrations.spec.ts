import { expect, test, type Page } from "@playwright/test";
import { startWebhookReceiver } from "../test/fakes/webhook-receiver";
import { newAccount, SignUpPage } from "./pages/auth-pages";

// An integrator's whole day one (issue 18): an admin makes an API key and a webhook endpoint in Settings; their
// system creates an event, syncs a roster of two and checks one person in through the documented API; the receiver
// gets exactly one signed "participant.arrived", and the endpoint's log in Settings shows it delivered.

/** "2031-03-03T07:30" for `at` as a wall time in `timeZone`, as the API takes `dtstartLocal`. */
function wallTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "short" }).format(at);
  return parts.replace(" ", "T");
}

async function createApiKey(page: Page, orgPath: string): Promise<string> {
  await page.goto(`${orgPath}/settings`);
  await page.getByRole("link", { name: "Manage API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await page.getByLabel("Name").fill("Student information system");
  await page.getByLabel("Role", { exact: true }).selectOption("manager");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key")).toBeVisible();
  return (await page.getByTestId("new-api-key").textContent())!.trim();
}

async function createEndpoint(page: Page, orgPath: string, url: string): Promise<string> {
  await page.goto(`${orgPath}/settings`);
  await page.getByRole("link", { name: "Manage webhooks" }).click();
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await page.getByLabel("Address (URL)").fill(url);
  await page.getByLabel("Description").fill("Front desk");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("Endpoint added.")).toBeVisible();
  await page.getByRole("button", { name: "Show" }).click();
  return (await page.getByTestId("webhook-secret").textContent())!;
}

test("a key and a webhook made in Settings: the API syncs a roster and checks someone in, and the arrival is delivered", async ({
  page,
  request,
}) => {
  const receiver = await startWebhookReceiver();
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await new SignUpPage(page).goto();
    await new SignUpPage(page).signUp(newAccount("Integrations"));
    const orgPath = new URL(page.url()).pathname;
    const key = await createApiKey(page, orgPath);
    receiver.setSecret(await createEndpoint(page, orgPath, receiver.url));
    const headers = { authorization: `Bearer ${key}` };

    const startsAt = new Date(Date.now() + 20 * 60_000);
    const event = await request.post("/api/v1/events", {
      headers: { ...headers, "idempotency-key": "create-morning-bus" },
      data: {
        title: "Morning bus",
        kind: "demand",
        dtstartLocal: wallTime(startsAt, "Europe/Berlin"),
        durationMinutes: 60,
        timeZone: "Europe/Berlin",
        venueName: "Schule am Park",
        venueLat: 52.52,
        venueLng: 13.405,
      },
    });
    expect(event.status()).toBe(201);
    const eventId = (await event.json()).id as string;

    const synced = await request.post("/api/v1/participants/bulk-upsert", {
      headers: { ...headers, "idempotency-key": "roster-sync-1" },
      data: { eventId, rows: [{ name: "Lena Hoffmann", phone: "+49 151 23456789" }, { name: "Jonas Braun", phone: "+49 160 9876543" }] },
    });
    expect(synced.status()).toBe(200);
    expect((await synced.json()).results.map((r: { status: string }) => r.status)).toEqual(["created", "created"]);

    const range = `from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`;
    const occurrences = await request.get(`/api/v1/occurrences?${range}&eventId=${eventId}`, { headers });
    const [occurrence] = (await occurrences.json()).data as { id: string }[];
    const attendances = await request.get(`/api/v1/occurrences/${occurrence!.id}/attendances`, { headers });
    const lena = ((await attendances.json()).data as { id: string; name: string }[]).find((a) => a.name === "Lena Hoffmann")!;

    const checkedIn = await request.post(`/api/v1/attendances/${lena.id}/check-in`, {
      headers: { ...headers, "idempotency-key": "check-in-lena" },
      data: {},
    });
    expect(checkedIn.status()).toBe(200);
    // The same request again (a retry after a lost answer) changes nothing and sends no second webhook.
    const retried = await request.post(`/api/v1/attendances/${lena.id}/check-in`, {
      headers: { ...headers, "idempotency-key": "check-in-lena" },
      data: {},
    });
    expect(retried.headers()["idempotent-replayed"]).toBe("true");

    await expect.poll(() => receiver.received.filter((r) => r.payload.type === "participant.arrived").length, { timeout: 30_000 }).toBe(1);
    const arrived = receiver.received.find((r) => r.payload.type === "participant.arrived")!;
    expect(arrived.verified).toBe(true);
    expect(arrived.payload.data).toMatchObject({ attendanceId: lena.id, occurrenceId: occurrence!.id, eventId });

    const log = page.getByRole("table", { name: "Recent deliveries" });
    await expect(async () => {
      await page.reload();
      await expect(log.getByTestId("webhook-delivery").filter({ hasText: "participant.arrived" })).toContainText("Delivered", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(log.getByTestId("webhook-delivery").filter({ hasText: "participant.arrived" })).toContainText(/200 · \d+ ms/);
    await page.screenshot({ path: test.info().outputPath("integrations-deliveries.png"), fullPage: true });
    // Nothing else arrived twice: one delivery per event and endpoint.
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(receiver.received.length);
  } finally {
    await receiver.close();
  }
});
