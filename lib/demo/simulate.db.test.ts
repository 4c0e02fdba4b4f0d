import { describe, expect, it } from "vitest";
import { connectTestDatabase, rejection } from "@/test/database";

// With DATABASE_URL (the production mode) the simulator must refuse: it would mix made-up positions into real data.
// Its behaviour in the embedded mode is covered by live-demo.embedded.test.ts.
connectTestDatabase();
const { count, eq } = await import("drizzle-orm");
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { startLiveDemo } = await import("./live-demo");
const { startOccurrenceSimulation } = await import("./simulate");
const { startRecordingServer } = await import("@/test/fakes/app-origin-server");

const { events, trackingLinks } = schema;

describe("the demo simulator outside the embedded mode", () => {
  it("refuses to start, even for an owner, and changes nothing", async () => {
    const setup = await given.org().occurrence({ open: true }).people(3).links();
    const ingest = await startRecordingServer(() => ({ status: 200, body: {} }));
    const rowsOf = async () => {
      const [[e], [l]] = await Promise.all([
        getDb().select({ n: count() }).from(events).where(eq(events.organizationId, setup.org.id)),
        getDb().select({ n: count() }).from(trackingLinks).where(eq(trackingLinks.organizationId, setup.org.id)),
      ]);
      return { events: e!.n, links: l!.n };
    };
    const before = await rowsOf();
    try {
      for (const attempt of [
        startOccurrenceSimulation(setup.owner.ctx, setup.instance.id, { origin: ingest.origin }),
        startLiveDemo(setup.owner.ctx, { origin: ingest.origin }),
      ]) {
        const error = await rejection(attempt);
        expect(error.code).toBe("PRECONDITION_FAILED");
        expect(error.message).toMatch(/only runs in the embedded demo mode/);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(ingest.requests).toHaveLength(0);
      expect(await rowsOf()).toEqual(before);
    } finally {
      await ingest.close();
    }
  });
});
