import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { given } = await import("./given");
const { getTrackingPage } = await import("@/lib/tracking/links");

describe("given (the fixture builder)", () => {
  it("builds an organization, an occurrence whose tracking window is open, twenty confirmed people and their links", async () => {
    const t = await given.org({ country: "BR", whatsapp: true }).event({ radiusM: 80 }).occurrence({ open: true }).people(20).links();
    expect(t.org.defaultCountry).toBe("BR");
    expect(t.phoneNumberId).toMatch(/^\d{15}$/);
    expect(t.event.arrivalRadiusM).toBe(80);
    expect(t.people).toHaveLength(20);
    expect(t.people.every((p) => p.attendance.rsvp === "confirmed" && p.attendance.instanceId === t.instance.id)).toBe(true);
    expect((await getTrackingPage(t.people[0]!.link.token)).state).toBe("open");
  });

  it("takes people one spec each, and finds them by name", async () => {
    const t = await given.org().occurrence().people([{ name: "Ana", rsvp: "declined" }, { name: "Bo", optedOut: true, wroteHoursAgo: 2 }]);
    expect(t.byName("Ana").attendance.rsvp).toBe("declined");
    expect(t.byName("Bo").participant.optedOutAt).not.toBeNull();
    expect(t.byName("Bo").participant.lastInboundAt!.getTime()).toBeLessThan(Date.now() - 3600_000);
    expect(t.byName("Bo").attendance.rsvp).toBe("pending");
  });

  it("makes several occurrences of a weekly event, builds on in that organization, and adds a scheduled action", async () => {
    const t = await given.org({ country: "DE" }).event({ kind: "periodic", title: "Monday run" }).occurrences([-24, 24, 48]);
    expect(t.event).toMatchObject({ title: "Monday run", rrule: "FREQ=WEEKLY;BYDAY=MO" });
    expect(t.instances.map((i) => Math.round((i.startsAt.getTime() - Date.now()) / 3600_000))).toEqual([-24, 24, 48]);

    const more = await given.in(t).event({ title: "Trip" }).occurrence().people([{ name: "Ada" }, { name: "Ben", rsvp: "confirmed" }]).action("confirmation");
    expect(more.org.id).toBe(t.org.id);
    expect(more.event.id).not.toBe(t.event.id);
    expect(more.people.map((p) => [p.participant.name, p.attendance.rsvp])).toEqual([["Ada", "pending"], ["Ben", "confirmed"]]);
    expect(more.action.row).toMatchObject({ instanceId: more.instance.id, action: "confirmation", status: "running", attempts: 1 });
  });
});
