import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

// Test-only (node:http; never import it from app code): a webhook receiver on loopback that checks every request's
// Standard Webhooks signature with the `standardwebhooks` package, as a customer's receiver would, and answers with
// the statuses it is told to (200 once they run out).

export type ReceivedWebhook = {
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  /** The signature verified with the secret the receiver was given. */
  verified: boolean;
  at: number;
};

export type WebhookReceiver = {
  /** e.g. http://127.0.0.1:41234/hooks */
  url: string;
  received: ReceivedWebhook[];
  /** The secret signatures are checked with (the endpoint's, once it exists). */
  setSecret(secret: string): void;
  /** The statuses to answer with, in order; 200 after the last. */
  answer(...statuses: number[]): void;
  close(): Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let secret: string | null = null;
  let statuses: number[] = [];
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let verified = false;
      try {
        if (secret) new Webhook(secret).verify(body, req.headers as Record<string, string>);
        verified = secret !== null;
      } catch {
        verified = false;
      }
      received.push({ id: String(req.headers["webhook-id"]), headers: req.headers, body, payload: JSON.parse(body), verified, at: Date.now() });
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    setSecret: (value) => {
      secret = value;
    },
    answer: (...next) => {
      statuses = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
