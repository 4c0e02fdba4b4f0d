import { randomUUID } from "node:crypto";
import { failure, type SendResult } from "./classify";
import { sendWhatsApp, type SendOptions, type WhatsAppConfig } from "./client";
import type { WhatsAppMessage } from "./messages";

// One interface for both runtimes (DESIGN §5): the Cloud API in production, a log transport in the embedded mode that
// keeps every message on this machine. Callers pick one where settings are read; the sending code is the same.

export interface WhatsAppTransport {
  readonly kind: "cloud" | "log";
  /** Never throws: a failure comes back classified (retriable or not, and why in words). */
  send(message: WhatsAppMessage): Promise<SendResult>;
}

export function cloudTransport(config: WhatsAppConfig, options: SendOptions = {}): WhatsAppTransport {
  return { kind: "cloud", send: (message) => sendWhatsApp(config, message, options) };
}

/** What the log transport hands to its recorder: the message as it would have been posted, and its made-up id. */
export type LoggedWhatsAppMessage = { wamid: string; message: WhatsAppMessage; at: Date };

/**
 * Records each message (e.g. into the outbox the dashboard shows) and answers with a made-up `wamid.log.<uuid>`, so
 * the rest of the flow (statuses, replies through the simulator) works without a Meta account.
 */
export function logTransport(record: (entry: LoggedWhatsAppMessage) => void | Promise<void>): WhatsAppTransport {
  return {
    kind: "log",
    async send(message) {
      const wamid = `wamid.log.${randomUUID()}`;
      try {
        await record({ wamid, message: structuredClone(message), at: new Date() });
      } catch (error) {
        // The recorder is our own storage: a failure there is as temporary as a network error.
        return failure("log_failed", { details: error instanceof Error ? error.message : String(error) });
      }
      return { ok: true, wamid };
    },
  };
}
