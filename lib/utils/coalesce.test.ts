import { describe, expect, it } from "vitest";
import { coalesce, type Outcome } from "./coalesce";

/** A batch function that records the batches it got and finishes each when told to. */
function recorder() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const run = (batch: number[]) => {
    batches.push(batch);
    return new Promise<Outcome<number>[]>((resolve) =>
      pending.push(() => resolve(batch.map((n) => (n < 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: n * 10 })))),
    );
  };
  const finishOne = async () => {
    pending.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { batches, pending, run, finishOne };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("coalesce", () => {
  it("sends what is asked in one tick together, and what arrives while a batch runs as the next batch", async () => {
    const r = recorder();
    const call = coalesce({ maxInFlight: 1, maxBatch: 100, run: r.run });
    const first = [call(1), call(2)];
    await tick();
    const later = [call(3), call(4), call(5)];
    await tick();
    expect(r.batches).toEqual([[1, 2]]); // 3, 4, 5 wait for the running batch

    await r.finishOne();
    expect(await Promise.all(first)).toEqual([10, 20]);
    expect(r.batches).toEqual([[1, 2], [3, 4, 5]]);
    await r.finishOne();
    expect(await Promise.all(later)).toEqual([30, 40, 50]);
  });

  it("runs up to maxInFlight batches at once, each at most maxBatch items", async () => {
    const r = recorder();
    const call = coalesce({ maxInFlight: 2, maxBatch: 3, run: r.run });
    const all = [1, 2, 3, 4, 5, 6, 7].map((n) => call(n));
    await tick();
    expect(r.batches).toEqual([[1, 2, 3], [4, 5, 6]]);
    await r.finishOne();
    expect(r.batches.at(-1)).toEqual([7]);
    await r.finishOne();
    await r.finishOne();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it("fails only the items whose outcome is a failure", async () => {
    const r = recorder();
    const call = coalesce({ maxInFlight: 1, maxBatch: 10, run: r.run });
    const results = Promise.allSettled([call(1), call(-2), call(3)]);
    await tick();
    await r.finishOne();
    expect((await results).map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });

  it("fails every item of a batch whose run throws, and goes on with the next batch", async () => {
    let calls = 0;
    const call = coalesce<number, number>({
      maxInFlight: 1,
      maxBatch: 10,
      run: async (batch) => {
        calls += 1;
        if (calls === 1) throw new Error("connection lost");
        return batch.map((n) => ({ ok: true, value: n }));
      },
    });
    const failed = await Promise.allSettled([call(1), call(2)]);
    expect(failed.map((s) => s.status)).toEqual(["rejected", "rejected"]);
    expect(await call(3)).toBe(3);
  });
});
