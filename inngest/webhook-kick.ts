import { eventOf, webhooksEnqueued, type SentEvent } from "@/lib/jobs";
import { logger } from "@/lib/logger";
import { onWebhooksEnqueued } from "@/lib/webhooks";

/** Kicks that come within this long of each other start one run. */
const DEBOUNCE_MS = 250;

/**
 * A change that enqueued webhook deliveries starts deliver-webhooks at once instead of at its next tick: through the
 * local runner's queue, or as an Inngest event. The job's schedule still sends anything a lost kick left behind.
 */
export function wireWebhookKick(send: (events: SentEvent[]) => Promise<unknown> | void): void {
  let timer: NodeJS.Timeout | undefined;
  onWebhooksEnqueued(() => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      Promise.resolve(send([eventOf(webhooksEnqueued, {})])).catch((error: unknown) =>
        logger.warn({ err: error }, "could not start the webhook delivery job; its schedule will"),
      );
    }, DEBOUNCE_MS);
    timer.unref();
  });
}
