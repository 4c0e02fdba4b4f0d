import { expect, test } from "@playwright/test";
import { occurrenceWithParticipants } from "./pages/tracking-page";

// Embedded mode: the confirmation comes due at once (the event starts in 40 minutes, the request goes 24 h before),
// the log transport records it, and the simulator answers as the participants' phones through the real webhook.
test("confirmations go out, the simulator taps Confirm and Decline, and the occurrence page shows RSVPs and statuses", async ({ page }) => {
  test.setTimeout(180_000);
  const [yes, no] = ["Yara Yes", "Nico No"];
  const occurrencePath = await occurrenceWithParticipants(page, [yes, no], { startsInMinutes: 40 });
  const orgPath = occurrencePath.split("/occurrences/")[0]!;

  // The local job runner dispatches due actions every few seconds: both confirmation requests are recorded.
  const messagesLink = page.getByRole("link", { name: "Every message of this occurrence" });
  const messagesPath = await messagesLink.getAttribute("href");
  expect(messagesPath).toBe(`${orgPath}/messages?occurrence=${occurrencePath.split("/").pop()}`);
  await expect(async () => {
    await page.goto(messagesPath!);
    await expect(page.getByTestId("message-row")).toHaveCount(2, { timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByTestId("message-row").filter({ hasText: yes })).toContainText("Confirmation request");
  await expect(page.getByTestId("message-row").filter({ hasText: yes })).toContainText("Sent");
  await page.screenshot({ path: "test-results/whatsapp-messages.png", fullPage: true });

  await page.goto(occurrencePath);
  const simulator = page.getByRole("form", { name: "WhatsApp simulator" });
  await simulator.getByLabel("Participant").selectOption({ label: yes });
  await simulator.getByRole("button", { name: "Tap Confirm" }).click();
  await expect(simulator.getByRole("status")).toHaveText("Delivered to the webhook.");
  await simulator.getByLabel("Participant").selectOption({ label: no });
  await simulator.getByRole("button", { name: "Tap Decline" }).click();
  await expect(page.getByLabel(`Answer of ${no}`)).toHaveValue("declined");
  await expect(page.getByLabel(`Answer of ${yes}`)).toHaveValue("confirmed");
  await page.screenshot({ path: "test-results/whatsapp-simulator.png", fullPage: true });

  // Nico phones to say he comes after all: staff records the answer by hand.
  const confirmedCount = page.locator("dl").filter({ has: page.locator("dt", { hasText: /^Confirmed$/ }) }).locator("dd");
  await expect(confirmedCount).toHaveText("1");
  await page.getByLabel(`Answer of ${no}`).selectOption("confirmed");
  await expect(confirmedCount).toHaveText("2");
  await expect(page.getByLabel(`Answer of ${no}`)).toHaveValue("confirmed");

  // Each tap also reported the confirmation request read; the replies are in the log too.
  await page.goto(`${orgPath}/messages`);
  const rows = page.getByTestId("message-row");
  await expect(rows.filter({ hasText: "Confirmation request" }).filter({ hasText: yes })).toContainText("Read");
  await expect(rows.filter({ hasText: "Reply" })).toHaveCount(2);
  // Each reply says what the participant did and what it changed.
  await expect(rows.filter({ hasText: yes }).filter({ hasText: "Reply" })).toContainText("Tapped “Confirm” — RSVP set to confirmed");
  await expect(rows.filter({ hasText: no }).filter({ hasText: "Reply" })).toContainText("Tapped “Decline” — RSVP set to declined");
  await page.screenshot({ path: "test-results/whatsapp-replies.png", fullPage: true });
  // Both confirmed after the tracking links went out (links go 60 minutes before a start 40 minutes away, to nobody
  // then): theirs follow at the next run.
  await expect(async () => {
    await page.goto(`${orgPath}/messages`);
    const links = page.getByTestId("message-row").filter({ hasText: "Tracking link" });
    await expect(links.filter({ hasText: yes })).toHaveCount(1, { timeout: 2_000 });
    await expect(links.filter({ hasText: no })).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole("link", { name: "Read", exact: true }).click();
  await expect(rows).toHaveCount(2);
});
