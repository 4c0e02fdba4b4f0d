/** Sends per second to one organization's recipients within a run, below WhatsApp's 80 messages/s. */
export const DEFAULT_SENDS_PER_SECOND = 20;

export type PaceOptions = {
  sendsPerSecond?: number;
  /** Tests pass their own to observe or skip the waits. */
  sleep?: (ms: number) => Promise<void>;
};

/**
 * Spaces a run's sends: each call waits until 1/sendsPerSecond has passed since the previous one (the first goes at
 * once), so one run never bursts.
 */
export function paceSends({ sendsPerSecond = DEFAULT_SENDS_PER_SECOND, sleep }: PaceOptions = {}): () => Promise<void> {
  const spacingMs = 1000 / sendsPerSecond;
  const wait = sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let lastSendAt: number | null = null;
  return async () => {
    if (lastSendAt !== null) await wait(Math.max(0, spacingMs - (performance.now() - lastSendAt)));
    lastSendAt = performance.now();
  };
}
