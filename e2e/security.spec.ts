import { expect, test, type Browser, type Page } from "@playwright/test";
import { inviteMember, joinByInvitation, newAccount, SignInPage, SignUpPage, signOut } from "./pages/auth-pages";
import { issueTrackingLink, occurrenceWithParticipant } from "./pages/tracking-page";
import { endlessBody, hiddenFields, multipart, rawRequest } from "./support/raw-http";
import { startDedicatedServer } from "./support/server";

// The attacks of the hardening review (issue 15, items 1–6), replayed against the real server.

const DEMO = { email: "demo@event-coming.local", password: "demo-organizer" };

async function signInAsDemo(page: Page, callbackUrl?: string) {
  const signIn = new SignInPage(page);
  await signIn.goto(callbackUrl);
  await signIn.signIn(DEMO.email, DEMO.password);
}

test.describe("1. links in e-mails", () => {
  test("a password reset asked for with a forged Host or X-Forwarded-Host still links to the app's own address", async ({ page, baseURL }) => {
    const forgeries: Record<string, string>[] = [
      { host: "evil.example", origin: "http://evil.example" },
      { host: new URL(baseURL!).host, "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: "https://evil.example" },
    ];
    for (const forged of forgeries) {
      // The form, posted as a browser without JavaScript would, but with the attacker's headers.
      const form = await rawRequest(`${baseURL}/forgot-password`);
      const { body, contentType } = multipart({ ...hiddenFields(form.body), email: DEMO.email });
      const answer = await rawRequest(`${baseURL}/forgot-password`, {
        method: "POST",
        headers: { ...forged, "content-type": contentType, "content-length": String(Buffer.byteLength(body)) },
        body,
      });
      expect(answer.status).toBeLessThan(500);
    }
    await page.goto("/dev/outbox");
    const links = page.getByTestId("outbox-mail").filter({ hasText: `To ${DEMO.email}` }).getByRole("link", { name: /reset-password/ });
    await expect(links).toHaveCount(2);
    for (const href of await links.evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href))) {
      expect(href.startsWith(`${baseURL}/reset-password/`), href).toBe(true);
    }
  });
});

test.describe("2. redirects after sign-in", () => {
  const attacks = ["/%09/evil.example/phish", "/%5C%5Cevil.example", "/%0d%0aSet-Cookie:%20x=1", "/%E3%80%82/evil.example", "//evil.example"];

  test("a signed-out user who signs in from a crafted link stays on the app", async ({ page, baseURL }) => {
    await signInAsDemo(page, "/\t/evil.example/phish");
    await expect(page).toHaveURL(`${baseURL}/maple-grove`);
  });

  test("a signed-in user opening crafted sign-in links stays on the app, and nothing answers 500", async ({ page, baseURL }) => {
    await signInAsDemo(page);
    await expect(page).toHaveURL(/\/maple-grove$/);
    for (const attack of attacks) {
      const response = await page.goto(`/sign-in?callbackUrl=${attack}`);
      expect(response!.status(), attack).toBeLessThan(500);
      expect(new URL(page.url()).origin, attack).toBe(baseURL);
    }
  });
});

test.describe("3. sign-in throttling", () => {
  test("rotating X-Forwarded-For does not escape the per-address limit", async ({ browser }) => {
    test.setTimeout(120_000);
    // LOGIN_MAX_ATTEMPTS=2: one address gets 10 attempts per window. A server of its own, so the shared one's budget
    // for 127.0.0.1 stays whole.
    const server = await startDedicatedServer({ LOGIN_MAX_ATTEMPTS: "2" });
    try {
      const page = await (await browser.newContext({ baseURL: server.url })).newPage();
      const signIn = new SignInPage(page);
      await signIn.goto();
      const answers: string[] = [];
      for (let i = 1; i <= 11; i++) {
        await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${i}` });
        await signIn.signIn(`nobody-${i}@example.test`, "a guess that is long");
        const alert = page.getByRole("alert").filter({ hasText: /do not match|Too many/ });
        await expect(alert).toBeVisible();
        answers.push((await alert.textContent()) ?? "");
        await page.reload();
      }
      expect(answers.slice(0, 10).every((a) => a.includes("do not match"))).toBe(true);
      expect(answers[10]).toContain("Too many sign-in attempts");
    } finally {
      await server.stop();
    }
  });

  test("a stranger's wrong guesses lock out other browsers, not the owner's own", async ({ browser }) => {
    test.setTimeout(120_000);
    const server = await startDedicatedServer({ LOGIN_MAX_ATTEMPTS: "3" });
    try {
      const owner = await (await browser.newContext({ baseURL: server.url })).newPage();
      await signInAsDemo(owner);
      await expect(owner).toHaveURL(/\/maple-grove$/);
      await signOut(owner);

      const stranger = await (await browser.newContext({ baseURL: server.url })).newPage();
      const strangerForm = new SignInPage(stranger);
      await strangerForm.goto();
      // The account's budget for untrusted browsers (3, the owner's first sign-in included) runs out.
      for (let i = 0; i < 3; i++) {
        await strangerForm.signIn(DEMO.email, `guess number ${i}`);
        await expect(stranger.getByRole("alert").filter({ hasText: /do not match|Too many/ })).toBeVisible();
        await stranger.reload();
      }
      await strangerForm.signIn(DEMO.email, DEMO.password);
      await expect(stranger.getByRole("alert").filter({ hasText: "Too many sign-in attempts" })).toBeVisible();

      // The owner's browser was trusted at its last sign-in: it is not locked out.
      await signInAsDemo(owner);
      await expect(owner).toHaveURL(/\/maple-grove$/);
    } finally {
      await server.stop();
    }
  });
});

test.describe("4. request bodies", () => {
  test("an endless body is cut off at the cap with 413, and the ingest takes JSON only (415)", async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    await occurrenceWithParticipant(page, "Bo Body");
    const trackingUrl = await issueTrackingLink(page, "Bo Body");
    const token = new URL(trackingUrl).pathname.split("/").pop()!;

    const endpoints = [`/api/track/${token}/points`, "/api/webhooks/whatsapp", "/api/auth/callback/credentials"];
    for (const path of endpoints) {
      const answer = await rawRequest(`${baseURL}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
        body: endlessBody(),
      });
      expect(answer.status, path).toBe(413);
      expect(JSON.parse(answer.body).error.code, path).toBe("PAYLOAD_TOO_LARGE");
      // The answer came while the upload was still going: far less than the 1 GB on offer was sent.
      expect(answer.bytesSent, path).toBeLessThan(32 * 1024 * 1024);
    }

    const text = await rawRequest(`${baseURL}/api/track/${token}/points`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ points: [] }),
    });
    expect(text.status).toBe(415);
    expect(JSON.parse(text.body).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });
});

test.describe("5. sessions end on the server", () => {
  test("after sign-out, the old session cookie no longer opens the dashboard", async ({ page, browser }) => {
    await signInAsDemo(page);
    await expect(page).toHaveURL(/\/maple-grove$/);
    const signedIn = await page.context().storageState();
    await signOut(page);

    const replay = await (await browser.newContext({ storageState: signedIn })).newPage();
    await replay.goto("/maple-grove");
    await expect(replay).toHaveURL(/\/sign-in\?callbackUrl=/);
  });

  test("a member removed while watching the live map stops receiving it within seconds", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const occurrencePath = await occurrenceWithParticipant(page, "Lia Live");
    const orgPath = `/${occurrencePath.split("/")[1]}`;
    const staff = await inviteStaff(page, browser, orgPath);

    await staff.goto(`${occurrencePath}/live`);
    await expect(staff.getByTestId("live-indicator")).toHaveText("Live", { timeout: 15_000 });
    await expect(staff.getByRole("list", { name: "Participants" })).toContainText("Lia Live");

    await page.goto(`${orgPath}/members`);
    await page.getByRole("button", { name: /^Remove Staff Tester/ }).click();
    await page.getByRole("button", { name: "Yes, remove" }).click();
    await expect(staff.getByTestId("live-indicator")).toHaveText("Access ended: sign in again", { timeout: 15_000 });
  });
});

test.describe("6. security headers", () => {
  test("pages, the tracking page, API routes and the webhook carry them", async ({ request }) => {
    const routes = [
      { path: "/sign-in", kind: "page" },
      { path: "/t/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", kind: "tracking" },
      { path: "/api/health", kind: "api" },
      { path: "/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1", kind: "api" },
    ] as const;
    const nonces = new Set<string>();
    for (const { path, kind } of routes) {
      const headers = (await request.get(path, { maxRedirects: 0 })).headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["strict-transport-security"], `${path}: HSTS only when the app's address is HTTPS`).toBeUndefined();
      const geolocation = /geolocation=(\([^)]*\))/.exec(headers["permissions-policy"] ?? "")?.[1];
      expect(geolocation, path).toBe(kind === "tracking" ? "(self)" : "()");
      expect(headers["referrer-policy"], path).toBe(kind === "page" ? "strict-origin-when-cross-origin" : "no-referrer");
      if (kind === "api") {
        expect(headers["content-security-policy"], path).toContain("default-src 'none'");
      } else {
        const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"]!)?.[1];
        expect(nonce, path).toBeTruthy();
        nonces.add(nonce!);
        expect(headers["content-security-policy"], path).toContain("'strict-dynamic'");
      }
    }
    const webhookPost = await request.post("/api/webhooks/whatsapp", { data: { object: "whatsapp_business_account" } });
    expect(webhookPost.status()).toBe(401);
    expect(webhookPost.headers()["x-content-type-options"]).toBe("nosniff");
    expect(nonces.size, "a fresh nonce per page").toBe(2);
  });

  test("the participant page and the live map work under the policy: no violation is reported", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const violations: string[] = [];
    const watch = (p: Page) => p.on("console", (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
    watch(page);
    const occurrencePath = await occurrenceWithParticipant(page, "Cy Policy");
    const trackingUrl = await issueTrackingLink(page, "Cy Policy");
    await page.goto(`${occurrencePath}/live`);
    await expect(page.getByTestId("live-map").locator("canvas")).toBeVisible({ timeout: 30_000 });

    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    watch(phone);
    await phone.goto(trackingUrl);
    await expect(phone.getByRole("button", { name: "Share my location" })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe("7. account enumeration", () => {
  test("signing up with an address that has an account looks like any sign-up, and its owner is told by e-mail", async ({ page }) => {
    const fresh = newAccount("Fresh");
    const answers: string[] = [];
    for (const email of [fresh.email, DEMO.email]) {
      const signUp = new SignUpPage(page);
      await signUp.goto();
      await signUp.fillPerson({ ...fresh, email });
      await page.getByLabel("Name", { exact: true }).fill(fresh.organization);
      await page.getByRole("button", { name: "Create account" }).click();
      const answer = page.getByRole("status").filter({ hasText: "Check your inbox" });
      await expect(answer).toBeVisible();
      answers.push((await answer.textContent())!.replace(email, "<address>"));
    }
    expect(answers[1]).toBe(answers[0]);

    await page.goto("/dev/outbox");
    const warning = page.getByTestId("outbox-mail").filter({ hasText: `To ${DEMO.email}` }).first();
    await expect(warning.getByRole("heading")).toHaveText("Someone tried to create an Event-Coming account with your address");
    // And the new address cannot be signed in to before its owner confirms it.
    await new SignInPage(page).goto();
    await new SignInPage(page).signIn(fresh.email, fresh.password);
    await expect(page.getByRole("alert").filter({ hasText: "Confirm your e-mail address first" })).toBeVisible();
  });
});

/** The owner invites "Staff Tester" as staff; returns the staff member's page, signed in, in a browser of its own. */
async function inviteStaff(owner: Page, browser: Browser, orgPath: string): Promise<Page> {
  const staff = newAccount("Staff");
  const page = await joinByInvitation(browser, await inviteMember(owner, orgPath, staff.email, "staff"), staff);
  await expect(page).toHaveURL(new RegExp(`${orgPath}$`));
  return page;
}
