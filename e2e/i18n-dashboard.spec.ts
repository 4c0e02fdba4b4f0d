import { expect, test, type Page } from "@playwright/test";
import { newAccount, SignUpPage } from "./pages/auth-pages";
import { occurrenceWithParticipants } from "./pages/tracking-page";

// An organizer whose browser speaks English picks Spanish in the user menu: the choice is stored on their account and
// every dashboard page they open next speaks Spanish (issue 17). Each page is one step over the same organization;
// to check another page, add it to SPANISH_PAGES. A German organizer's refused event form is worded in German too.

type Visit = { page: Page; orgPath: string; eventPath: string; occurrencePath: string };

/** The pages a Spanish-speaking organizer opens, and what says they are in Spanish. */
const SPANISH_PAGES: [name: string, check: (visit: Visit) => Promise<void>][] = [
  [
    "the dashboard",
    async ({ page, orgPath }) => {
      await page.goto(orgPath);
      const nav = page.getByRole("navigation", { name: "Principal" });
      await expect(nav.getByRole("link", { name: "Resumen" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Próximos" })).toBeVisible();
      await expect(page.getByText("Miembros del equipo")).toBeVisible();
      await expect(page.getByRole("table", { name: "Eventos" }).getByText("Único")).toBeVisible();
    },
  ],
  [
    "the event page",
    async ({ page, eventPath }) => {
      await page.goto(eventPath);
      await expect(page.getByRole("heading", { name: "Próximas fechas" })).toBeVisible();
      await expect(page.getByText(/^Una vez, el .+ a las \d{2}:\d{2}$/)).toBeVisible();
      await expect(page.getByRole("heading", { name: "Calendario de mensajes" })).toBeVisible();
    },
  ],
  [
    "the occurrence page",
    async ({ page, occurrencePath }) => {
      await page.goto(occurrencePath);
      await expect(page.getByRole("heading", { name: "Asistencia" })).toBeVisible();
      await expect(page.locator("dl").filter({ hasText: "Invitados" })).toContainText("2");
      const timeline = page.getByTestId("timeline-row");
      await expect(timeline.filter({ hasText: "Enlace de seguimiento" })).toContainText("Todos los que confirmaron");
      await expect(page.getByRole("table", { name: "Asistencia" }).getByRole("columnheader", { name: "Trayecto" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Registrar la llegada de Ana Souza" })).toBeVisible();
    },
  ],
  [
    "the live map",
    async ({ page, occurrencePath }) => {
      await page.goto(`${occurrencePath}/live`);
      await expect(page.getByRole("heading", { level: 1, name: "Mapa en directo" })).toBeVisible();
      await expect(page.getByTestId("live-indicator")).toHaveText("En directo", { timeout: 15_000 });
      await expect(page.getByTestId("count-confirmed")).toContainText("Confirmados");
      const list = page.getByRole("list", { name: "Participantes" });
      await expect(list.getByRole("listitem", { name: "Ana Souza" })).toContainText("No comparte su ubicación");
      await expect(page.getByRole("group", { name: "Filtrar participantes" }).getByRole("button", { name: /^Todos/ })).toBeVisible();
      await expect(page.getByTestId("live-map")).toHaveAccessibleName(/^Mapa en directo: Main gate y 0 participantes con posición$/);
    },
  ],
  [
    "the report and its CSV",
    async ({ page, eventPath }) => {
      await page.goto(`${eventPath}/report`);
      await expect(page.getByRole("heading", { level: 1, name: "Informe de asistencia" })).toBeVisible();
      // The file is the organizer's too: the same session asks for it (the report's link appears once an occurrence
      // has started; this one starts in half an hour, so the file holds its headings only).
      const csv = await page.request.get(`${eventPath}/report/export`);
      expect(csv.status()).toBe(200);
      const [header] = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
      expect(header).toBe("Fecha,Inicio,Nombre,Teléfono,Tutor de,Respuesta,Resultado,Llegada,Minutos de retraso,Registro de llegada");
    },
  ],
];

test("an organizer switches the dashboard to Spanish in the user menu, and the pages they open follow", async ({ page }) => {
  test.setTimeout(240_000);
  const occurrencePath = await occurrenceWithParticipants(page, ["Ana Souza", "Bruno Lima"], { startsInMinutes: 30 });
  const orgPath = `/${occurrencePath.split("/")[1]}`;
  const eventPath = new URL(await page.getByRole("link", { name: "Pick-up" }).first().evaluate((a: HTMLAnchorElement) => a.href)).pathname;
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await test.step("the user menu stores Spanish and the open page follows at once", async () => {
    await page.getByRole("combobox", { name: "Dashboard language" }).selectOption("es");
    await expect(page.getByRole("combobox", { name: "Idioma del panel" })).toHaveValue("es");
    await expect(page.getByRole("heading", { name: "Asistencia" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
  });

  for (const [name, check] of SPANISH_PAGES) await test.step(name, () => check({ page, orgPath, eventPath, occurrencePath }));

  await test.step("'Browser default' hands the dashboard back to the browser's English", async () => {
    await page.goto(orgPath);
    await page.getByRole("combobox", { name: "Idioma del panel" }).selectOption("");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Dashboard language" })).toHaveValue("");
  });
});

test("a German organizer saving an event without a title or a venue reads why in German", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const account = newAccount("Verein");
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(account);
  const orgPath = new URL(page.url()).pathname.split("/").slice(0, 2).join("/");
  await page.getByRole("combobox", { name: "Dashboard language" }).selectOption("de");
  await expect(page.getByRole("combobox", { name: "Sprache des Dashboards" })).toHaveValue("de");

  // The editor posts the event as it is; the domain refuses it and the action words each field in German.
  await page.goto(`${orgPath}/events/new`);
  await page.getByLabel("Titel").fill("");
  await page.getByRole("button", { name: "Termin anlegen" }).click();
  await expect(page.getByText("Bitte prüf die markierten Felder.")).toBeVisible();
  await expect(page.getByText("Gib dem Termin einen Titel.")).toBeVisible();
  await expect(page.getByText("Gib dem Ort einen Namen.")).toBeVisible();
  await expect(page.getByText("Wähle den Ort auf der Karte oder gib seine Koordinaten ein.").first()).toBeVisible();
  await expect(page.getByText("Give the event a title.")).toHaveCount(0);
  await page.getByLabel("Titel").scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("event-form-de.png"), fullPage: true });
});
