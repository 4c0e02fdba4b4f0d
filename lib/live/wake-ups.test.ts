import { describe, expect, it } from "vitest";
import { prng } from "@/test/prng";
import { WakeUps } from "./wake-ups";

describe("wake-ups", () => {
  it.each([1, 2, 3])("hands over every entry due before now, soonest first, and none later (seed %i)", (seed) => {
    const rng = prng(seed);
    const queue = new WakeUps();
    let pending: [string, number][] = [];
    let now = 0;
    for (let step = 0; step < 400; step++) {
      for (let k = rng.int(20); k > 0; k--) {
        // Instants to the millisecond, with ties.
        const entry: [string, number] = [`p${rng.int(50)}`, now + rng.int(5_000)];
        queue.push(entry[1], entry[0]);
        pending.push(entry);
      }
      if (rng.next() < 0.05) queue.rebuild(pending);
      now += rng.int(1_000);
      const popped: [string, number][] = [];
      queue.popBefore(now, (id, atMs) => popped.push([id, atMs]));
      const due = pending.filter(([, at]) => at < now);
      pending = pending.filter(([, at]) => at >= now);
      expect(popped.map(([, at]) => at)).toEqual(due.map(([, at]) => at).sort((a, b) => a - b));
      expect([...popped].sort().join()).toEqual([...due].sort().join());
      expect(queue.size).toBe(pending.length);
    }
  });
});
