import { beforeEach, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { and, inArray, lt } = await import("drizzle-orm");
const { getDb, schema } = await import("@/lib/database");
const { claimDueActions, failAbandonedActions, STALE_CLAIM_MS } = await import("./claim");
const { markActionWaiting } = await import("./finish");
const { given } = await import("@/test/given");
const { actionRow, createAction } = await import("@/test/schedule");

// Other suites share this database and claim nothing, but their actions are due around the real now: this suite
// works in the 1990s, and clears what earlier tests (and earlier runs) left claimable there before each test.
const ERA_END = new Date(Date.UTC(2000, 0, 1));
beforeEach(async () => {
  await getDb()
    .update(schema.scheduledActions)
    .set({ status: "cancelled" })
    .where(and(lt(schema.scheduledActions.dueAt, ERA_END), inArray(schema.scheduledActions.status, ["pending", "running"])));
});
const pastMoment = () => new Date(Date.UTC(1995, 0, 1) + Math.floor(Math.random() * 86_400_000));

/** `count` pending confirmations of one organization, one per occurrence, due a second apart from `dueAt` back. */
async function pendingActions(count: number, dueAt: Date) {
  const f = await given.org().occurrences(Array.from({ length: count }, (_, i) => 2 + i));
  const refs = [];
  for (const [i, instance] of f.instances.entries()) {
    refs.push((await createAction(f.org.id, instance.id, "confirmation", { status: "pending", dueAt: new Date(dueAt.getTime() - i * 1000) })).ref);
  }
  return { f, refs };
}

describe("claimDueActions", () => {
  it("claims due pending actions of every organization (running, claimedAt, one more attempt), oldest first, and not future ones", async () => {
    const now = pastMoment();
    const a = await pendingActions(2, now);
    const b = await pendingActions(1, new Date(now.getTime() - 60_000));
    const future = await pendingActions(1, new Date(now.getTime() + 60_000));

    const claimed = await claimDueActions(now, 10);
    expect(claimed.map((c) => c.actionId)).toEqual([b.refs[0]!.actionId, a.refs[1]!.actionId, a.refs[0]!.actionId]);
    expect(claimed.find((c) => c.actionId === b.refs[0]!.actionId)!.organizationId).toBe(b.f.org.id);
    expect(await actionRow(a.refs[0]!.actionId)).toMatchObject({ status: "running", attempts: 1, claimedAt: now });
    expect(await actionRow(future.refs[0]!.actionId)).toMatchObject({ status: "pending", attempts: 0 });
    expect(await claimDueActions(now, 10)).toEqual([]);
  });

  it("two claimers at once never get the same action, and together get all of them", async () => {
    const now = pastMoment();
    const { refs } = await pendingActions(12, now);
    const [first, second] = await Promise.all([claimDueActions(now, 7), claimDueActions(now, 7)]);
    const ids = [...first!, ...second!].map((c) => c.actionId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(refs.map((r) => r.actionId).sort());
  });

  it("skips rows another transaction holds instead of waiting for them (SKIP LOCKED)", async () => {
    const now = pastMoment();
    const { refs } = await pendingActions(4, now);
    const locked = refs.slice(0, 2).map((r) => r.actionId);
    let claimedMeanwhile: string[] = [];
    await getDb().transaction(async (tx) => {
      await tx.select().from(schema.scheduledActions).where(inArray(schema.scheduledActions.id, locked)).for("update");
      claimedMeanwhile = (await claimDueActions(now, 10)).map((c) => c.actionId);
    });
    expect(claimedMeanwhile.sort()).toEqual(refs.slice(2).map((r) => r.actionId).sort());
    expect((await claimDueActions(now, 10)).map((c) => c.actionId).sort()).toEqual([...locked].sort());
  });

  it("takes over an action whose claim went stale (the run died), but not one claimed recently", async () => {
    const now = pastMoment();
    const { f, refs } = await pendingActions(2, new Date(now.getTime() - 2 * STALE_CLAIM_MS));
    await getDb()
      .update(schema.scheduledActions)
      .set({ status: "running", attempts: 1, claimedAt: new Date(now.getTime() - STALE_CLAIM_MS - 1000) })
      .where(inArray(schema.scheduledActions.id, [refs[0]!.actionId]));
    await getDb()
      .update(schema.scheduledActions)
      .set({ status: "running", attempts: 1, claimedAt: new Date(now.getTime() - 1000) })
      .where(inArray(schema.scheduledActions.id, [refs[1]!.actionId]));
    expect(await claimDueActions(now, 10)).toEqual([{ actionId: refs[0]!.actionId, organizationId: f.org.id }]);
    expect(await actionRow(refs[0]!.actionId)).toMatchObject({ status: "running", attempts: 2 });
  });

  it("fails an action whose last attempt was abandoned long ago instead of leaving it running; spares the others", async () => {
    const now = pastMoment();
    const { refs } = await pendingActions(3, new Date(now.getTime() - 2 * STALE_CLAIM_MS));
    const [abandoned, retryable, recent] = refs.map((r) => r.actionId) as [string, string, string];
    const longAgo = new Date(now.getTime() - STALE_CLAIM_MS - 1000);
    const set = (id: string, values: Partial<typeof schema.scheduledActions.$inferInsert>) =>
      getDb().update(schema.scheduledActions).set(values).where(inArray(schema.scheduledActions.id, [id]));
    await set(abandoned, { status: "running", attempts: 3, maxAttempts: 3, claimedAt: longAgo });
    await set(retryable, { status: "running", attempts: 1, maxAttempts: 3, claimedAt: longAgo });
    await set(recent, { status: "running", attempts: 3, maxAttempts: 3, claimedAt: new Date(now.getTime() - 1000) });

    expect(await failAbandonedActions(now)).toBeGreaterThanOrEqual(1);
    expect(await actionRow(abandoned)).toMatchObject({ status: "failed", completedAt: now, note: expect.stringContaining("did not finish") });
    // Attempts left: the next claim takes it over; claimed a second ago: its run may still be going.
    expect(await actionRow(retryable)).toMatchObject({ status: "running", attempts: 1 });
    expect(await actionRow(recent)).toMatchObject({ status: "running", completedAt: null });
  });

  it("an action parked while a recipient waits for a retry is claimed only once that retry is due", async () => {
    const now = pastMoment();
    const { refs } = await pendingActions(1, new Date(now.getTime() - 60_000));
    const ref = refs[0]!;
    await claimDueActions(now, 10);
    const retryAt = new Date(now.getTime() + 6_000);
    await markActionWaiting(ref, now, retryAt, { code: "messages_waiting", values: { waiting: 1, recipients: 3 } });
    expect(await actionRow(ref.actionId)).toMatchObject({ status: "pending", retryAt, attempts: 0 });

    expect(await claimDueActions(new Date(now.getTime() + 5_999), 10)).toEqual([]);
    expect(await claimDueActions(retryAt, 10)).toEqual([ref]);
    expect(await actionRow(ref.actionId)).toMatchObject({ status: "running", retryAt: null, attempts: 1 });
  });
});
