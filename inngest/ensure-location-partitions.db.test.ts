import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { ensureLocationPartitionsJob } = await import("@/lib/jobs");
const { toInngestFunction } = await import("./functions");
const ensureLocationPartitionsFunction = toInngestFunction(ensureLocationPartitionsJob);

describe("ensure-location-partitions", () => {
  it("runs the partition step and reports how many partitions it created (none when they exist)", async () => {
    const first = await new InngestTestEngine({ function: ensureLocationPartitionsFunction }).execute();
    expect(typeof first.result).toBe("number");
    const second = await new InngestTestEngine({ function: ensureLocationPartitionsFunction }).execute();
    expect(second.result).toBe(0);
  });
});
