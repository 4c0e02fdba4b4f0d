import type { Transaction } from "@/lib/database";
import type { Logger } from "@/lib/logger";

/**
 * What an inbound effect runs with. The organization was established from the business number the event was sent
 * to (see tenant.ts), never from anything the sender wrote; every query of an effect is scoped by it.
 */
export type InboundContext = {
  tx: Transaction;
  organizationId: string;
  requestId: string;
  log: Logger;
  /** Work outside the database (caches, Redis) that must happen only once the transaction has committed. */
  afterCommit: (task: () => Promise<void> | void) => void;
};
