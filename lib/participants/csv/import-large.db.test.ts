import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";
import type { ImportInput } from "./schemas";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { NOT_GERMAN } = await import("@/test/participants");
const { importParticipants, IMPORT_BATCH_SIZE } = await import("./import-participants");

const { attendances, eventParticipants, participants } = schema;
const ROWS = 5_000;

describe("a large CSV import", () => {
  it("imports 5,000 rows in batches in one transaction, with progress, and re-imports as a no-op", async () => {
    const t = await given.org({ country: "DE" }).event({ kind: "periodic" }).occurrences([-24, 24, 24 * 8, 24 * 15]);
    const { event } = t;
    const future = t.instances.slice(1);
    const lines = Array.from({ length: ROWS }, (_, i) =>
      // Every 500th row has a broken number; the rest are distinct German mobile numbers.
      i % 500 === 499
        ? `Person ${i};0151 12;;x`
        : `Person ${i};0151 ${String(20_000_000 + i)};p${i}@example.de;Team ${i % 7}`,
    );
    const csvText = `name;phone;email;team\n${lines.join("\n")}\n`;
    const input: ImportInput = { eventId: event.id, csvText, mapping: ["name", "phone", "email", "metadata"] };

    const progress: [number, number][] = [];
    const started = performance.now();
    const onProgress = (done: number, total: number) => void progress.push([done, total]);
    const result = await importParticipants(t.owner.ctx, input, { onProgress });
    const firstMs = performance.now() - started;
    const valid = ROWS - ROWS / 500;
    expect(result).toMatchObject({
      created: valid,
      updated: 0,
      linked: valid,
      alreadyOnRoster: 0,
      attendancesCreated: valid * future.length,
    });
    expect(result.skipped).toHaveLength(ROWS / 500);
    expect(result.skipped[0]).toEqual({ line: 501, reason: `Phone "0151 12": ${NOT_GERMAN}` });
    expect(progress).toHaveLength(Math.ceil(valid / IMPORT_BATCH_SIZE));
    expect(progress.at(-1)).toEqual([valid, valid]);

    const inOrg = eq(participants.organizationId, t.org.id);
    expect(await getDb().$count(participants, inOrg)).toBe(valid);
    expect(await getDb().$count(eventParticipants, eq(eventParticipants.eventId, event.id))).toBe(valid);
    const futureIds = future.map((instance) => instance.id);
    const ofFuture = and(eq(attendances.organizationId, t.org.id), inArray(attendances.instanceId, futureIds));
    expect(await getDb().$count(attendances, ofFuture)).toBe(valid * future.length);
    const sampleWhere = and(inOrg, eq(participants.phone, "+4915120004321"));
    const [sample] = await getDb().select().from(participants).where(sampleWhere);
    expect(sample).toMatchObject({ name: "Person 4321", email: "p4321@example.de", metadata: { team: "Team 2" } });

    const again = performance.now();
    const second = await importParticipants(t.owner.ctx, input);
    const secondMs = performance.now() - again;
    expect(second).toMatchObject({ created: 0, updated: 0, linked: 0, alreadyOnRoster: valid, attendancesCreated: 0 });
    expect(await getDb().$count(participants, inOrg)).toBe(valid);
    console.info(`import of ${ROWS} rows: ${Math.round(firstMs)} ms; re-import: ${Math.round(secondMs)} ms`);
  });
});
