import { expect, type Browser, type BrowserContext, type Locator, type Page, type Request } from "@playwright/test";
import { newAccount, setOrganizationLanguage, SignUpPage } from "./auth-pages";

const ZONE = "Europe/Berlin"; // the zone SignUpPage gives the organization
export const VENUE = { latitude: 52.5306, longitude: 13.3847 };

/** "YYYY-MM-DD" and "HH:mm" of an instant in the organization's zone, as the event form's inputs take them. */
export function localParts(at: Date, timeZone = ZONE): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * A new organizer with a one-off event starting `startsInMinutes` from now at VENUE (tracking opens 60 minutes before
 * the start) and one participant; leaves `page` on the occurrence page and returns its path.
 */
export async function occurrenceWithParticipant(page: Page, participant: string, startsInMinutes = 30): Promise<string> {
  return occurrenceWithParticipants(page, [participant], { startsInMinutes });
}

/**
 * The same with several participants, and the event's start (`startsAt`, minute precision, or `startsInMinutes`),
 * travel mode and lateness grace when given.
 */
export async function occurrenceWithParticipants(
  page: Page,
  names: string[],
  options: {
    startsInMinutes?: number;
    startsAt?: Date;
    onFoot?: boolean;
    lateGraceMinutes?: number;
    /** A participant's language, by the name the roster form shows it under ("Deutsch"). */
    languages?: Record<string, string>;
    /** Runs once the organization exists, before the event (its messages go out as soon as people are added). */
    beforeEvent?: (orgPath: string) => Promise<void>;
  } = {},
): Promise<string> {
  const startsAt = options.startsAt ?? new Date(Date.now() + (options.startsInMinutes ?? 30) * 60_000);
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp(newAccount("Tracker"));
  const orgPath = new URL(page.url()).pathname;
  // The participants' pages and messages these journeys check are English ones.
  await setOrganizationLanguage(page, orgPath, "en");
  await options.beforeEvent?.(orgPath);

  await page.goto(`${orgPath}/events/new`);
  await page.getByLabel("Title").fill("Pick-up");
  await page.getByRole("radio", { name: "One-off" }).check();
  const { date, time } = localParts(startsAt);
  await page.getByLabel("Date", { exact: true }).fill(date);
  await page.getByLabel("Start time").fill(time);
  await page.getByLabel("Venue name").fill("Main gate");
  await page.getByLabel("Address").fill("Invalidenstraße 120, Berlin");
  await page.getByLabel("Latitude").fill(String(VENUE.latitude));
  await page.getByLabel("Longitude").fill(String(VENUE.longitude));
  if (options.onFoot) await page.getByLabel("People mostly come").selectOption("walking");
  if (options.lateGraceMinutes !== undefined) {
    await page.getByLabel("Late after (minutes past the start)").fill(String(options.lateGraceMinutes));
  }
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
  const eventPath = new URL(page.url()).pathname;

  await page.goto(`${eventPath}/roster`);
  const form = page.getByRole("form", { name: "Add participant" });
  for (const [i, participant] of names.entries()) {
    await form.getByLabel("Name").fill(participant);
    await form.getByLabel("Phone").fill(`0151 9998887${i}`);
    const language = options.languages?.[participant];
    if (language) await form.getByLabel("Language").selectOption({ label: language });
    await form.getByRole("button", { name: "Add participant" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${participant} is on the roster.` })).toBeVisible();
  }

  await page.goto(eventPath);
  const occurrences = page.getByRole("table").getByRole("link");
  await expect(occurrences).toHaveCount(1);
  await occurrences.click();
  await expect(page).toHaveURL(/\/occurrences\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

/** The organizer's "Tracking link" button; returns the full URL shown once. */
export async function issueTrackingLink(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name: `Create tracking link for ${name}` }).click();
  const link = page.getByRole("textbox", { name: `Tracking link for ${name}` });
  await expect(link).toHaveValue(/\/t\/[A-Za-z0-9_-]{43}$/);
  return link.inputValue();
}

/** The journey column of one attendance on the occurrence page (it refreshes itself every few seconds). */
export function journeyCell(page: Page, name: string): Locator {
  return page.getByTestId("attendance-row").filter({ hasText: name }).getByTestId("journey");
}

/** A phone: 390×844, touch, and (unless `allowLocation` is false) location allowed at `at`. */
export async function phoneContext(
  browser: Browser,
  at: { latitude: number; longitude: number } | null,
  allowLocation = true,
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: "en-GB",
    ...(allowLocation ? { permissions: ["geolocation"] } : {}),
    ...(at ? { geolocation: { ...at, accuracy: 10 } } : {}),
  });
}

const isPointsPost = (request: Request) => request.method() === "POST" && /\/api\/track\/[^/]+\/points$/.test(request.url());

/** The participant page `/t/<token>`, seen from the phone. */
export class TrackingPage {
  /** Every batch the page posted, in order. */
  readonly posts: { recordedAt: string[] }[] = [];

  constructor(
    readonly page: Page,
    readonly url: string,
  ) {
    page.on("request", (request) => {
      if (!isPointsPost(request)) return;
      const body = request.postDataJSON() as { points: { recordedAt: string }[] };
      this.posts.push({ recordedAt: body.points.map((p) => p.recordedAt) });
    });
  }

  get token(): string {
    return new URL(this.url).pathname.split("/").pop()!;
  }

  async goto() {
    await this.page.goto(this.url);
  }

  get status(): Locator {
    return this.page.getByTestId("sharing-status");
  }

  async consent() {
    await expect(this.page.getByRole("heading", { name: "Share your location on the way?" })).toBeVisible();
    await this.page.getByRole("button", { name: "Share my location" }).click();
  }

  /** Moves the phone; the page keeps a fix that moved at least 15 m and sends it within a few seconds. */
  async moveTo(latitude: number, longitude: number, accuracy = 10) {
    await this.page.context().setGeolocation({ latitude, longitude, accuracy });
  }

  /** Positions kept in localStorage, not yet taken by the server. */
  queued(): Promise<string[]> {
    return this.page.evaluate((key) => {
      const raw = localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as { recordedAt: string }[]).map((p) => p.recordedAt) : [];
    }, `ec:track:${this.token}:queue`);
  }

  /** Waits for a 200 answer to a batch that carried every one of `recordedAt`. */
  async waitForAccepted(recordedAt: string[], timeout = 20_000) {
    const response = await this.page.waitForResponse(
      (r) => isPointsPost(r.request()) && r.status() === 200 && recordedAt.every((t) => (r.request().postData() ?? "").includes(t)),
      { timeout },
    );
    return (await response.json()) as { accepted: number; journey: string };
  }

  /** A batch posted straight to the ingest API, as another phone (or an attacker) would. */
  postPoint(lat: number, lng: number) {
    return this.page.request.post(this.url.replace("/t/", "/api/track/") + "/points", {
      data: { points: [{ lat, lng, accuracy: 10, recordedAt: new Date().toISOString() }] },
    });
  }
}
