/**
 * Group commit: turns a function over a batch into a function over one item, so that what concurrent callers ask
 * for goes out together. At most `maxInFlight` batches run at once; items that arrive meanwhile wait and leave as
 * the next batch (up to `maxBatch` items). When nothing is running an item leaves at once, with whatever else was
 * asked for in the same tick, so an idle server adds no latency and a busy one does one round trip for many callers.
 *
 * `run` answers every item of its batch, in order, with its own outcome. If `run` throws, every item of the batch
 * fails with that error.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function coalesce<In, Out>(options: {
  maxInFlight: number;
  maxBatch: number;
  run: (batch: In[]) => Promise<Outcome<Out>[]>;
}): (item: In) => Promise<Out> {
  type Waiting = { item: In; resolve: (value: Out) => void; reject: (error: unknown) => void };
  const { maxInFlight, maxBatch, run } = options;
  const queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  function schedule(): void {
    if (scheduled || inFlight >= maxInFlight || queue.length === 0) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      while (inFlight < maxInFlight && queue.length > 0) void send(queue.splice(0, maxBatch));
    });
  }

  async function send(batch: Waiting[]): Promise<void> {
    inFlight += 1;
    try {
      const outcomes = await run(batch.map((w) => w.item));
      if (outcomes.length !== batch.length) throw new Error(`A batch of ${batch.length} got ${outcomes.length} answers.`);
      batch.forEach((w, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) w.resolve(outcome.value);
        else w.reject(outcome.error);
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      inFlight -= 1;
      schedule();
    }
  }

  return (item) =>
    new Promise<Out>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}
