import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg } from "@/test/database";

connectTestDatabase();
const { jobs, materializeOccurrencesJob } = await import("@/lib/jobs");
const { functions } = await import("./functions");
const materializeOccurrencesFunction = functions.find((f) => f.id() === materializeOccurrencesJob.id)!;
const { createEvent } = await import("@/lib/occurrences/event-lifecycle");
const { addRoster, countRows, eventInput } = await import("@/test/events");

describe("materialize-occurrences", () => {
  it("is registered for Inngest and for the local runner, hourly and on start", () => {
    expect(materializeOccurrencesFunction.opts).toMatchObject({ triggers: [{ cron: "TZ=UTC 5 * * * *" }] });
    expect(jobs).toContain(materializeOccurrencesJob);
    expect(materializeOccurrencesJob).toMatchObject({ id: "materialize-occurrences", cron: "5 * * * *", runOnStart: true });
  });

  it("runs the materialize step; running it again changes nothing", async () => {
    const org = await createTestOrg("Job");
    const event = await createEvent(org.owner.ctx, eventInput());
    await addRoster(org.org.id, event.id, ["Ada", "Ben", "Cem"]);

    const first = await new InngestTestEngine({ function: materializeOccurrencesFunction }).execute();
    expect(first.result).toMatchObject({ events: expect.any(Number), occurrencesCreated: expect.any(Number) });
    const counts = await countRows(org.org.id);
    expect(counts.attendances).toBe(counts.instances * 3);

    // Other suites share the database, so only this organization's rows are compared.
    await new InngestTestEngine({ function: materializeOccurrencesFunction }).execute();
    expect(await countRows(org.org.id)).toEqual(counts);
  });
});
