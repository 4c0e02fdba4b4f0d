import { expect, test, type Page } from "@playwright/test";
import { occurrenceWithParticipants } from "./pages/tracking-page";

// Embedded mode: messages go to the outbox (the log transport) and the occurrence page's WhatsApp simulator acts as
// the participants' phones. Jonas reads German and Ana Brazilian Portuguese, whatever the organization speaks.

/** Settings → WhatsApp templates: the confirmation for German readers is the approved `event_confirmation` in `de`. */
async function mapGermanConfirmation(page: Page, orgPath: string) {
  await page.goto(`${orgPath}/settings`);
  await page.getByRole("group", { name: "Languages" }).getByRole("button", { name: /^Deutsch/ }).click();
  const row = page.getByRole("region", { name: "Confirmation request template, German" });
  await row.getByLabel("Template name").fill("event_confirmation");
  await expect(row.getByLabel("Language code")).toHaveValue("de");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("status")).toHaveText("Template saved.");
  await expect(row.getByRole("figure", { name: "What the participant sees: Confirmation request" })).toContainText("Zusagen");
}

test("a German participant's confirmation request has German buttons; “parar” opts a Brazilian out, confirmed in Portuguese", async ({ page }) => {
  test.setTimeout(180_000);
  const [jonas, ana] = ["Jonas Weber", "Ana Souza"];
  const occurrencePath = await occurrenceWithParticipants(page, [jonas, ana], {
    startsInMinutes: 40,
    languages: { [jonas]: "Deutsch", [ana]: "Português (Brasil)" },
    beforeEvent: (orgPath) => mapGermanConfirmation(page, orgPath),
  });
  const simulator = page.getByRole("form", { name: "WhatsApp simulator" });

  // The local job runner sends the confirmation requests within seconds: Jonas's phone shows the German template,
  // worded as we recommend, with its German buttons.
  await simulator.getByLabel("Participant").selectOption({ label: jonas });
  const jonasChat = page.getByRole("log", { name: `WhatsApp chat with ${jonas}` });
  await expect(async () => {
    await simulator.getByRole("button", { name: "Show their chat" }).click();
    await expect(jonasChat.getByTestId("chat-line").first()).toContainText("Template event_confirmation (de)", { timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  // Replies do not reset the chosen participant.
  await expect(simulator.getByLabel("Participant").locator("option:checked")).toHaveText(jonas);
  const request = jonasChat.getByTestId("chat-line").first();
  await expect(request).toContainText(`Hallo ${jonas}, kommst du zu Pick-up am`);
  for (const button of ["Zusagen", "Absagen", "Keine Nachrichten"]) await expect(request.getByText(button, { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/i18n-whatsapp-german-request.png", fullPage: true });

  // Ana writes "parar": she is opted out, and told so in Portuguese.
  await simulator.getByLabel("Participant").selectOption({ label: ana });
  await simulator.getByLabel("Write as them").fill("parar");
  await simulator.getByRole("button", { name: "Send text" }).click();
  await expect(simulator.getByRole("status")).toHaveText("Delivered to the webhook.");
  await expect(simulator.getByLabel("Participant").locator("option:checked")).toHaveText(ana);
  await expect(simulator.getByLabel("Write as them")).toHaveValue("");
  const anaChat = page.getByRole("log", { name: `WhatsApp chat with ${ana}` });
  await expect(anaChat.getByTestId("chat-line").filter({ hasText: /^parar$/ })).toHaveCount(1);
  await expect(anaChat.getByTestId("chat-line").last()).toContainText("Pronto: você não vai mais receber mensagens de");
  await expect(anaChat.getByTestId("chat-line").last()).toContainText("pelo WhatsApp. Para voltar a receber, fale com quem organiza.");
  await page.screenshot({ path: "test-results/i18n-whatsapp-parar.png", fullPage: true });

  // The organizer's log agrees: her "parar" opted her out.
  const orgPath = occurrencePath.split("/occurrences/")[0]!;
  await page.goto(`${orgPath}/messages`);
  const reply = page.getByTestId("message-row").filter({ hasText: ana }).filter({ hasText: "“parar”" });
  await expect(reply).toContainText("opted out of messages");
  await expect(page.getByTestId("message-row").filter({ hasText: ana }).filter({ hasText: "Opt-out confirmation" })).toHaveCount(1);
  // On a 1280 px screen the whole log fits: nobody scrolls sideways to read a status.
  expect(page.viewportSize()?.width).toBe(1280);
  const log = page.getByTestId("message-row").first().locator("xpath=ancestor::table/..");
  expect(await log.evaluate((box) => box.scrollWidth - box.clientWidth)).toBe(0);
  await page.screenshot({ path: "test-results/i18n-whatsapp-messages.png", fullPage: true });
});
