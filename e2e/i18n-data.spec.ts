import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { newAccount, SignUpPage } from "./pages/auth-pages";
import { localParts, occurrenceWithParticipants } from "./pages/tracking-page";

// Issue 17: participants, rosters and reports in the organizer's and the participant's languages.

/** The same organizer, signed in, in a browser set to `locale` (its Accept-Language asks for that language first). */
async function inBrowserLanguage(browser: Browser, page: Page, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, storageState: await page.context().storageState() });
  return context.newPage();
}

test("an organizer whose browser speaks Spanish reads the report in Spanish and downloads it with Spanish headers", async ({
  browser,
  page: english,
}) => {
  test.setTimeout(240_000);
  // The report shows occurrences that have started: a start about a minute away, then the test waits for it.
  const startsAt = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
  await occurrenceWithParticipants(english, ["Ada Lovelace", "Ben Okafor"], { startsAt });
  await english.getByRole("button", { name: "Check in Ada Lovelace" }).click();
  await expect(english.getByText("1 arrived · 0 on the way")).toBeVisible();
  await english.waitForTimeout(Math.max(0, startsAt.getTime() - Date.now()) + 1_000);
  await english.reload();
  const reportPath = (await english.getByRole("link", { name: "Attendance report" }).getAttribute("href"))!;

  const page = await inBrowserLanguage(browser, english, "es-ES");
  await page.goto(reportPath);
  await expect(page.getByRole("heading", { level: 1, name: "Informe de asistencia" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const stat = (label: string) => page.locator("dl").filter({ has: page.getByText(label, { exact: true }) });
  await expect(stat("Asistencia")).toContainText("1 de 2 invitaciones");
  await expect(stat("Asistencia").locator("dd").first()).toHaveText(/^50\s%$/);
  await expect(stat("Con retraso")).toContainText("nadie llegó tarde");
  const people = page.getByRole("table", { name: "Asistencia por participante" });
  await expect(people.getByRole("columnheader", { name: "No vino" })).toBeVisible();
  await expect(page.getByLabel("Desde")).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Descargar CSV" }).click()]);
  const { date, time } = localParts(startsAt);
  expect(download.suggestedFilename()).toBe(`pick-up-asistencia-${date}-a-${date}.csv`);
  const lines = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toBe("Fecha,Inicio,Nombre,Teléfono,Tutor de,Respuesta,Resultado,Llegada,Minutos de retraso,Registro de llegada");
  const spanishDate = date.split("-").reverse().join("/"); // 2026-11-24 → 24/11/2026
  expect(lines.slice(1)).toEqual([
    expect.stringMatching(new RegExp(`^${spanishDate},${time},Ada Lovelace,\\+4915199988870,,sin respuesta,a tiempo,${spanishDate} \\d\\d:\\d\\d,0,a mano$`)),
    `${spanishDate},${time},Ben Okafor,+4915199988871,,sin respuesta,sin respuesta,,,`,
  ]);
});

test("an organizer adds a participant who reads Portuguese, and the lists and the export say so", async ({ page }) => {
  // Sign-up, an event and a few forms on a 2-core machine shared with other workers.
  test.setTimeout(120_000);
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(newAccount("Polyglot"));
  const orgPath = new URL(page.url()).pathname;
  await page.goto(`${orgPath}/events/new`);
  await page.getByLabel("Title").fill("Escolinha");
  await page.getByLabel("Venue name").fill("Main gate");
  await page.getByLabel("Latitude").fill("52.5306");
  await page.getByLabel("Longitude").fill("13.3847");
  await page.getByRole("button", { name: "Create event" }).click();
  // Creating a weekly event plans its first occurrences: give a busy machine time.
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const rosterPath = `${new URL(page.url()).pathname}/roster`;

  await page.goto(rosterPath);
  const form = page.getByRole("form", { name: "Add participant" });
  // The organization's own language is the default; a participant may have another.
  await expect(form.getByLabel("Language")).toHaveValue("");
  await form.getByLabel("Name").fill("Ana Souza");
  await form.getByLabel("Phone").fill("+55 11 98765-4321");
  await form.getByLabel("Language").selectOption({ label: "Português (Brasil)" });
  await form.getByRole("button", { name: "Add participant" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ana Souza is on the roster." })).toBeVisible();
  await expect(form.getByLabel("Language")).toHaveValue("");
  await expect(page.getByTestId("roster-row").filter({ hasText: "Ana Souza" })).toContainText("Português (Brasil)");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = fs.readFileSync((await (await downloading).path())!, "utf8").replace(/^\uFEFF/, "").split("\r\n");
  expect(csv[0]).toBe("name,phone,email,guardian_of,opted_out,language");
  expect(csv[1]).toBe("Ana Souza,+5511987654321,,,,pt-BR");

  await page.goto(`${orgPath}/participants`);
  const row = page.getByTestId("participant-row").filter({ hasText: "Ana Souza" });
  await expect(row).toContainText("Português (Brasil)");
  await row.getByRole("link", { name: "Edit Ana Souza" }).click();
  await expect(page.getByLabel("Language", { exact: true })).toHaveValue("pt-BR");
  await page.getByLabel("Language", { exact: true }).selectOption("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${orgPath}/participants$`));
  await expect(page.getByTestId("participant-row").filter({ hasText: "Ana Souza" })).not.toContainText("Português");
});
