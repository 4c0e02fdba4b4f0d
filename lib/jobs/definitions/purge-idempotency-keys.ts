import { purgeIdempotencyKeys } from "@/lib/api-keys";
import type { CronJob } from "../job";

/** Daily: the API's Idempotency-Key records older than 24 hours go (a retry after a day is a new request). */
export const purgeIdempotencyKeysJob: CronJob = {
  id: "purge-idempotency-keys",
  cron: "50 3 * * *",
  runOnStart: false,
  handler: ({ io }) => io.run("purge", () => purgeIdempotencyKeys(new Date())),
};
