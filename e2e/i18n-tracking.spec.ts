import { expect, test, type Browser, type Page } from "@playwright/test";
import { newAccount, SignUpPage } from "./pages/auth-pages";
import { issueTrackingLink, journeyCell, localParts, phoneContext, TrackingPage } from "./pages/tracking-page";

// A school in São Paulo: its organization speaks Portuguese (from its country), so its parents' tracking page does,
// with Brazilian formats, whatever language the phone's browser asks for (the phone here says en-GB).
const ZONE = "America/Sao_Paulo";
const VENUE = { latitude: -23.5874, longitude: -46.6576 };
const START = { latitude: VENUE.latitude + 0.0135, longitude: VENUE.longitude }; // 1.5 km north of the gate
const WEEKDAYS = ["domingo", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado"];
const MONTHS = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"];

/** A Brazilian school's organizer, an occurrence starting in 30 minutes and one parent on its roster; returns its start. */
async function brazilianOccurrence(page: Page, parent: string): Promise<Date> {
  const startsAt = new Date(Date.now() + 30 * 60_000);
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(newAccount("Escola"), { timeZone: ZONE, country: "BR" });
  const orgPath = new URL(page.url()).pathname;

  await page.goto(`${orgPath}/events/new`);
  await page.getByLabel("Title").fill("Buscar as crianças");
  await page.getByRole("radio", { name: "One-off" }).check();
  const { date, time } = localParts(startsAt, ZONE);
  await page.getByLabel("Date", { exact: true }).fill(date);
  await page.getByLabel("Start time").fill(time);
  await page.getByLabel("Venue name").fill("Portão principal");
  await page.getByLabel("Address").fill("Rua Manuel da Nóbrega 1000, São Paulo");
  await page.getByLabel("Latitude").fill(String(VENUE.latitude));
  await page.getByLabel("Longitude").fill(String(VENUE.longitude));
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
  const eventPath = new URL(page.url()).pathname;

  await page.goto(`${eventPath}/roster`);
  const form = page.getByRole("form", { name: "Add participant" });
  await form.getByLabel("Name").fill(parent);
  await form.getByLabel("Phone").fill("(11) 98765-4321");
  await form.getByRole("button", { name: "Add participant" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${parent} is on the roster.` })).toBeVisible();

  await page.goto(eventPath);
  await page.getByRole("table").getByRole("link").click();
  await expect(page).toHaveURL(/\/occurrences\/[0-9a-f-]{36}$/);
  return startsAt;
}

async function parentsPhone(browser: Browser, url: string): Promise<TrackingPage> {
  const phone = await phoneContext(browser, START);
  const tracking = new TrackingPage(await phone.newPage(), url);
  await tracking.goto();
  return tracking;
}

/** "terça-feira, 24 de novembro": the day of `at` in São Paulo, written out here rather than by Intl. */
function brazilianDay(at: Date): string {
  const { date } = localParts(at, ZONE);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return `${WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]}, ${day} de ${MONTHS[month - 1]}`;
}

test("a Brazilian school's parent consents, shares and arrives in Portuguese, with Brazilian formats", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const parent = "Ana Souza";
  const startsAt = await brazilianOccurrence(page, parent);
  const url = await issueTrackingLink(page, parent);
  const tracking = await parentsPhone(browser, url);
  const phone = tracking.page;

  // Consent: the event's day and times in Portuguese and 24-hour clock, in the event's zone, which is named.
  await expect(phone.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(phone).toHaveTitle(/^Compartilhe seu trajeto/);
  await expect(phone.getByRole("heading", { level: 1, name: "Buscar as crianças" })).toBeVisible();
  const { time: start } = localParts(startsAt, ZONE);
  await expect(phone.getByText(`${brazilianDay(startsAt)}, ${start}`)).toContainText(/\d\d:\d\d\s*\(horário de Sao Paulo\)$/);
  await expect(phone.getByRole("heading", { name: "Compartilhar sua localização no caminho?" })).toBeVisible();
  await expect(phone.getByText(`Olá, ${parent}!`)).toBeVisible();
  await expect(phone.getByText("sua localização, só enquanto esta página estiver aberta")).toBeVisible();
  await expect(phone.getByText(/no máximo até hoje às \d\d:\d\d\./)).toBeVisible();
  await expect(phone.getByText(/AM|PM/)).toHaveCount(0);
  expect(tracking.posts).toHaveLength(0);
  await phone.getByRole("button", { name: "Compartilhar minha localização" }).click();

  // Sharing: the status, the distance with a decimal comma, the arrival at a 24-hour time and in minutes.
  await expect(tracking.status).toContainText("Compartilhando sua localização");
  await expect(phone.getByText("1,5 km", { exact: true })).toBeVisible();
  const arrival = phone.getByRole("definition").filter({ hasText: /^\d\d:\d\d$/ });
  await expect(arrival).toBeVisible();
  await expect(phone.getByText(/^em \d+ minutos?$/)).toBeVisible();
  await expect(phone.getByText("Chegada prevista")).toBeVisible();
  await expect(phone.getByRole("button", { name: "Parar de compartilhar" })).toBeVisible();
  await expect(journeyCell(page, parent)).toContainText("On the way", { timeout: 25_000 });

  // At the gate: checked in, said in Portuguese with the check-in time.
  await tracking.moveTo(VENUE.latitude + 0.0002, VENUE.longitude, 8);
  await phone.waitForTimeout(1_000);
  await tracking.moveTo(VENUE.latitude, VENUE.longitude, 5);
  await expect(phone.getByRole("heading", { name: "Você chegou" })).toBeVisible({ timeout: 20_000 });
  await expect(phone.getByText(/^Sua chegada foi registrada às \d\d:\d\d\./)).toBeVisible();
  await expect(phone.getByText("Sua localização não está mais sendo compartilhada. Você pode fechar esta página.")).toBeVisible();
  await expect(journeyCell(page, parent)).toContainText("Arrived", { timeout: 25_000 });
  await phone.context().close();
});

test("the language switch puts the page, and what the parent is doing, in another language", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const parent = "João Lima";
  const startsAt = await brazilianOccurrence(page, parent);
  const url = await issueTrackingLink(page, parent);
  const tracking = await parentsPhone(browser, url);
  const phone = tracking.page;
  const language = phone.getByRole("combobox", { name: "Idioma" });
  await expect(language).toHaveValue("pt-BR");
  // Each language is named in its own words.
  await expect(language.getByRole("option")).toHaveText(["English", "Português (Brasil)", "Español", "Deutsch"]);

  // German: the words, the day and the zone; the choice is kept for the parent, so a reload stays German.
  await language.selectOption("de");
  await expect(phone.getByRole("heading", { name: "Deinen Standort auf dem Weg teilen?" })).toBeVisible();
  await expect(phone.locator("html")).toHaveAttribute("lang", "de");
  const { time: start } = localParts(startsAt, ZONE);
  await expect(phone.getByText(new RegExp(`^\\p{L}+, \\d{1,2}\\. \\p{L}+, ${start}`, "u"))).toContainText("(Ortszeit Sao Paulo)");
  await tracking.goto();
  await expect(phone.getByRole("combobox", { name: "Sprache" })).toHaveValue("de");
  await phone.getByRole("button", { name: "Meinen Standort teilen" }).click();
  await expect(tracking.status).toContainText("Dein Standort wird geteilt");
  await expect(phone.getByText("1,5 km", { exact: true })).toBeVisible();
  await expect.poll(() => tracking.posts.length).toBeGreaterThan(0);

  // English while sharing: the page changes language and sharing carries on.
  await phone.getByRole("combobox", { name: "Sprache" }).selectOption("en");
  await expect(tracking.status).toContainText("Sharing your location");
  await expect(phone.getByText("1.5 km", { exact: true })).toBeVisible();
  await expect(phone.getByRole("button", { name: "Stop sharing" })).toBeVisible();
  const sent = tracking.posts.length;
  await tracking.moveTo(START.latitude - 0.004, START.longitude);
  await expect.poll(() => tracking.posts.length, { timeout: 15_000 }).toBeGreaterThan(sent);
  await expect(phone.getByText("1.1 km", { exact: true })).toBeVisible();
  await expect(journeyCell(page, parent)).toContainText("On the way", { timeout: 25_000 });
  await phone.context().close();
});
