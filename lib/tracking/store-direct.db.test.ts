import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";
import type { Given, LinkedPerson } from "@/test/given";

// The no-Redis write path: requests that arrive together are written by one statement (group commit).
delete process.env.UPSTASH_REDIS_REST_URL;
delete process.env.UPSTASH_REDIS_REST_TOKEN;
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { storePointsDirect } = await import("./store");
const { recordLinkPositions } = await import("@/lib/attendance");
const { getLinkForIngest } = await import("./link-context");
const { issueTrackingLink, stopSharing } = await import("./links");
const { given } = await import("@/test/given");
const { northOfVenue, storedPoints, attendanceRow } = await import("@/test/tracking");
type BufferedPoint = import("./buffer").BufferedPoint;
type DirectRequest = import("@/lib/attendance").LinkPositions;

const SECOND = 1000;

/** A request for `link` with points `metres` north of the venue at the given seconds ago. */
async function request(token: string, secondsAgo: number[], metres = 900): Promise<DirectRequest> {
  const link = (await getLinkForIngest(token, 0))!;
  const received = new Date().toISOString();
  const points: BufferedPoint[] = secondsAgo.map((s) => ({
    o: link.organizationId,
    a: link.attendanceId,
    t: new Date(Math.floor(Date.now() / SECOND) * SECOND - s * SECOND).toISOString(),
    r: received,
    la: northOfVenue(metres - s).lat,
    ln: northOfVenue(metres - s).lng,
    ac: 8,
    al: null,
    sp: null,
    hd: null,
  }));
  const fix = points.reduce((a, b) => (b.t > a.t ? b : a));
  return { link, points, latest: { fix, distanceM: metres, etaAt: new Date(Date.now() + 600 * SECOND) } };
}

describe("direct writes of several requests in one statement", () => {
  let mine: Given<LinkedPerson>;
  let theirs: Given<LinkedPerson>;
  beforeAll(async () => {
    mine = await given.org().occurrence({ open: true }).people(4).links();
    theirs = await given.org().occurrence({ open: true }).people(1).links();
  });

  it("writes the open ones, refuses each closed one for its own reason, and never crosses organizations", async () => {
    const [open, stopped, replaced, spare] = mine.people;
    const [foreign] = theirs.people;
    await stopSharing(stopped!.link.token);
    const stoppedRequest = await request(stopped!.link.token, [3]);
    const replacedRequest = await request(replaced!.link.token, [3]);
    await issueTrackingLink(mine.owner.ctx, replaced!.attendance.id);
    // A request claiming our organization for their link: the statement matches nothing and stores nothing.
    const forged = await request(foreign!.link.token, [3]);
    forged.link = { ...forged.link, organizationId: mine.org.id };
    forged.points = forged.points.map((p) => ({ ...p, o: mine.org.id }));

    const first = await request(open!.link.token, [20, 15, 10]);
    // The same phone resending two of those points with a newer one, in the same batch.
    const resend = await request(open!.link.token, [15, 10, 5]);
    const results = await recordLinkPositions([first, stoppedRequest, forged, resend, replacedRequest], getDb());

    expect(results[0]).toEqual({ ok: true, previous: null, isFirst: true });
    expect(results[3]).toEqual({ ok: true, previous: null, isFirst: true });
    expect(results[1]).toMatchObject({ ok: false, state: { stopped: true } });
    expect(results[2]).toMatchObject({ ok: false, state: { revoked: true } });
    expect(results[4]).toMatchObject({ ok: false, state: { revoked: true } });

    expect(await storedPoints(open!.attendance.id)).toBe(4);
    for (const closed of [stopped!, replaced!, foreign!]) expect(await storedPoints(closed.attendance.id)).toBe(0);
    const row = await attendanceRow(mine.org.id, open!.attendance.id);
    expect(row.journey).toBe("on_the_way");
    expect(row.lastFixAt).toEqual(new Date(resend.latest.fix.t));
    expect((await attendanceRow(theirs.org.id, foreign!.attendance.id)).journey).toBe("not_started");
    expect((await attendanceRow(mine.org.id, spare!.attendance.id)).journey).toBe("not_started");

    // The next batch sees the newest fix as the previous one, and an older batch does not move the latest fix back.
    const older = await request(open!.link.token, [40]);
    const [later] = await recordLinkPositions([older], getDb());
    expect(later).toMatchObject({ ok: true, isFirst: false, previous: { recordedAt: new Date(resend.latest.fix.t) } });
    expect((await attendanceRow(mine.org.id, open!.attendance.id)).lastFixAt).toEqual(new Date(resend.latest.fix.t));
  });

  it("stores every point of many phones posting at once exactly once, each answered for its own link", async () => {
    const crowd = await given.org().occurrence({ open: true }).people(40).links();
    const requests = await Promise.all(crowd.people.map((p) => request(p.link.token, [12, 8, 4])));
    // Every phone posts twice at once (a retry racing the original), all eighty requests concurrently.
    const results = await Promise.all(
      [...requests, ...requests].map((r) => storePointsDirect(r.link, r.points, r.latest)),
    );
    expect(results.every((r) => r.ok)).toBe(true);

    const stored = await getDb()
      .select({ attendanceId: schema.locations.attendanceId, recordedAt: schema.locations.recordedAt })
      .from(schema.locations)
      .where(and(eq(schema.locations.organizationId, crowd.org.id)))
      .orderBy(asc(schema.locations.attendanceId), asc(schema.locations.recordedAt));
    expect(stored).toHaveLength(40 * 3);
    for (const { attendance } of crowd.people) {
      expect(stored.filter((s) => s.attendanceId === attendance.id)).toHaveLength(3);
      const row = await attendanceRow(crowd.org.id, attendance.id);
      expect(row.journey).toBe("on_the_way");
      expect(row.lastFixAt).toEqual(new Date(requests.find((r) => r.link.attendanceId === attendance.id)!.latest.fix.t));
    }
  });
});
