import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, rejection } from "@/test/database";
import { ROLES } from "@/lib/tenant/roles";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { getEventFeed, getOrganizationFeed, regenerateEventFeed, regenerateOrganizationFeed, serveCalendarFeed } = await import(
  "@/lib/calendar"
);
const { GET } = await import("@/app/calendar/[file]/route");
const { appUrl } = await import("@/lib/http");
const { parseFeed, tokenOf } = await import("@/test/calendar");

const { auditLogs, calendarFeeds } = schema;
type Fixture = Awaited<ReturnType<typeof makeOrg>>;

const makeOrg = (title: string) => given.org().event({ title }).occurrences([24, 48]);
const fileOf = (url: string) => `${tokenOf(url)}.ics`;

/** GET /calendar/<file> with no cookie, no session: what a calendar app sends. */
function fetchFeed(file: string, headers: Record<string, string> = {}): Promise<Response> {
  return GET(new Request(`http://localhost/calendar/${file}`, { headers }), { params: Promise.resolve({ file }) });
}

const auditOf = (organizationId: string) =>
  getDb()
    .select({ action: auditLogs.action, data: auditLogs.data })
    .from(auditLogs)
    .where(and(eq(auditLogs.organizationId, organizationId), eq(auditLogs.targetType, "calendar_feed")))
    .orderBy(auditLogs.createdAt);

describe("calendar feeds", () => {
  let a: Fixture;
  let b: Fixture;
  beforeAll(async () => {
    a = await makeOrg("Rowing");
    b = await makeOrg("Fencing");
  });

  it("answers GET /calendar/<token>.ics without a session, as text/calendar a calendar app may cache briefly", async () => {
    const { url, webcalUrl } = await getEventFeed(a.owner.ctx, { eventId: a.event.id });
    // From the configured APP_URL (the test settings' http://app.test), never from a request.
    expect(url).toMatch(new RegExp(`^${appUrl()}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(webcalUrl).toBe(url.replace(/^https?:/, "webcal:"));
    const response = await fetchFeed(fileOf(url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-robots-tag")).toBe("noindex");
    const feed = parseFeed(await response.text());
    expect(feed.events.map((e) => e.uid)).toEqual(a.instances.map((i) => `${i.id}@event-coming`));

    const again = await fetchFeed(fileOf(url), { "if-none-match": response.headers.get("etag")! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("answers 404 with no hint for an unknown, malformed or other-shaped token", async () => {
    for (const file of [`${randomBytes(32).toString("base64url")}.ics`, "nope.ics", "..%2F..%2Fetc.ics", `${"a".repeat(43)}.txt`]) {
      const response = await fetchFeed(file);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "Not found." } });
    }
  });

  it("keeps one address per event and per organization, created once and audited", async () => {
    const first = await getEventFeed(a.owner.ctx, { eventId: a.event.id });
    const [second, third] = await Promise.all([
      getEventFeed(a.owner.ctx, { eventId: a.event.id }),
      getEventFeed(a.owner.ctx, { eventId: a.event.id }),
    ]);
    expect(second.url).toBe(first.url);
    expect(third.url).toBe(first.url);
    const org = await getOrganizationFeed(a.owner.ctx);
    expect(org.url).not.toBe(first.url);
    expect((await getOrganizationFeed(a.owner.ctx)).url).toBe(org.url);
    expect(await auditOf(a.org.id)).toEqual([
      { action: "calendar_feed.created", data: { scope: "event", eventId: a.event.id } },
      { action: "calendar_feed.created", data: { scope: "organization", eventId: null } },
    ]);
  });

  it("regenerating stops the old address at once and the new one works", async () => {
    const old = await getEventFeed(a.owner.ctx, { eventId: a.event.id });
    const fresh = await regenerateEventFeed(a.owner.ctx, { eventId: a.event.id });
    expect(fresh.url).not.toBe(old.url);
    expect((await fetchFeed(fileOf(old.url))).status).toBe(404);
    expect((await fetchFeed(fileOf(fresh.url))).status).toBe(200);
    expect((await getEventFeed(a.owner.ctx, { eventId: a.event.id })).url).toBe(fresh.url);

    const oldOrg = await getOrganizationFeed(a.owner.ctx);
    const freshOrg = await regenerateOrganizationFeed(a.owner.ctx);
    expect((await fetchFeed(fileOf(oldOrg.url))).status).toBe(404);
    expect((await fetchFeed(fileOf(freshOrg.url))).status).toBe(200);
    expect((await auditOf(a.org.id)).filter((e) => e.action === "calendar_feed.regenerated")).toEqual([
      { action: "calendar_feed.regenerated", data: { scope: "event", eventId: a.event.id } },
      { action: "calendar_feed.regenerated", data: { scope: "organization", eventId: null } },
    ]);
  });

  it("never shows another organization's events, nor lets it read or replace their addresses (404)", async () => {
    const ownFeed = parseFeed((await serveCalendarFeed({ file: fileOf((await getOrganizationFeed(b.owner.ctx)).url), address: null })).body);
    expect(ownFeed.events.map((e) => e.summary)).toEqual(["Fencing", "Fencing"]);
    const before = await getEventFeed(a.owner.ctx, { eventId: a.event.id });
    expect((await rejection(getEventFeed(b.owner.ctx, { eventId: a.event.id }))).code).toBe("NOT_FOUND");
    expect((await rejection(regenerateEventFeed(b.owner.ctx, { eventId: a.event.id }))).code).toBe("NOT_FOUND");
    expect((await getEventFeed(a.owner.ctx, { eventId: a.event.id })).url).toBe(before.url);
    const rows = await getDb().select().from(calendarFeeds).where(eq(calendarFeeds.eventId, a.event.id));
    expect(rows.map((row) => row.organizationId)).toEqual([a.org.id]);
  });

  describe.each(ROLES)("as %s", (role) => {
    const mayRegenerate = ["owner", "admin", "manager"].includes(role);
    it(mayRegenerate ? "sees and regenerates the addresses" : "sees the addresses but cannot regenerate them (FORBIDDEN)", async () => {
      const member = role === "owner" ? a.owner : await a.add(role);
      const seen = await getEventFeed(member.ctx, { eventId: a.event.id });
      expect(seen.url).toBe((await getEventFeed(a.owner.ctx, { eventId: a.event.id })).url);
      const call = regenerateEventFeed(member.ctx, { eventId: a.event.id });
      const orgCall = regenerateOrganizationFeed(member.ctx);
      if (mayRegenerate) {
        expect((await call).url).not.toBe(seen.url);
        await orgCall;
        return;
      }
      expect((await rejection(call)).code).toBe("FORBIDDEN");
      expect((await rejection(orgCall)).code).toBe("FORBIDDEN");
      expect((await getEventFeed(a.owner.ctx, { eventId: a.event.id })).url).toBe(seen.url);
    });
  });

  it("limits requests per client address (before the token is looked up) with 429 and Retry-After", async () => {
    // A /64 of its own (IPv6 addresses are counted per /64), so a rerun within the minute starts from zero.
    const address = `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}::1`;
    const unknown = `${randomBytes(32).toString("base64url")}.ics`;
    const outcomes = [];
    for (let i = 0; i < 61; i += 1) outcomes.push(await rejection(serveCalendarFeed({ file: unknown, address })));
    expect(outcomes.slice(0, 60).every((error) => error.code === "NOT_FOUND")).toBe(true);
    expect(outcomes[60]!.code).toBe("RATE_LIMITED");
    expect(outcomes[60]!.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("limits requests per feed, whatever the address", async () => {
    const file = fileOf((await getEventFeed(b.owner.ctx, { eventId: b.event.id })).url);
    for (let i = 0; i < 120; i += 1) await serveCalendarFeed({ file, address: null });
    expect((await rejection(serveCalendarFeed({ file, address: null }))).code).toBe("RATE_LIMITED");
    const other = fileOf((await getOrganizationFeed(b.owner.ctx)).url);
    expect((await serveCalendarFeed({ file: other, address: null })).body).toContain("BEGIN:VCALENDAR");
  });
});
