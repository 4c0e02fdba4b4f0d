import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// Test-only (node:http; never import it from app code): a loopback stand-in for the Graph API's Messages endpoint.
// Real HTTP and JSON in Graph's shapes; it records every request and answers as told (a wamid, 429, 500, any Graph
// error code, a slow answer, garbage, or a dropped connection), for everyone or for one recipient.

export type FakeGraphBehaviour =
  /** 200 like Graph: `{ messaging_product, contacts: [{ input, wa_id }], messages: [{ id }] }`; `wamid` defaults to a fresh fake id. */
  | { kind: "ok"; wamid?: string }
  /** 429 with Graph's throughput error (130429). */
  | { kind: "rate-limited" }
  /** 400 with 131056: too many messages from this business number to the same recipient in a short time. */
  | { kind: "pair-rate-limited" }
  /** 500 with Graph's "Something went wrong" (131000). */
  | { kind: "server-error" }
  /** 400 with 131047: outside the 24-hour customer service window. */
  | { kind: "re-engagement" }
  /** Any Graph error: HTTP status, error code and optional subcode/details. */
  | { kind: "graph-error"; status: number; code: number; message?: string; details?: string; subcode?: number }
  /** Answers "ok" only after `delayMs`. */
  | { kind: "slow"; delayMs: number }
  /** A raw body with the given status (default 200). */
  | { kind: "body"; body: string; status?: number; contentType?: string }
  /** Accepts the request, then drops the connection without an answer. */
  | { kind: "hang-up" };

export type FakeGraphRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
};

export type FakeGraphServer = {
  /** Base URL to pass as the config's baseUrl, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Every request received, in order. */
  requests: FakeGraphRequest[];
  /** The answer from now on. */
  setBehaviour(behaviour: FakeGraphBehaviour): void;
  /** Answers for the next requests, one each, before falling back to the current behaviour. */
  queueBehaviours(...behaviours: FakeGraphBehaviour[]): void;
  /** Answers for the next requests to this recipient (`to` as sent), one each, before the shared queue and behaviour. */
  queueBehavioursFor(to: string, ...behaviours: FakeGraphBehaviour[]): void;
  /**
   * The `contacts[].wa_id` an accepted message to this recipient reports (default: its digits). Meta's differs for
   * some numbers, e.g. +55 31 99876-5432 is WhatsApp id 553198765432 (no ninth digit).
   */
  setWaId(to: string, waId: string): void;
  close(): Promise<void>;
};

const MESSAGES_PATH = /^\/v\d+\.\d+\/(\d+)\/messages$/;

/**
 * Starts the fake (accepting only the token it sets) and points this process's WhatsApp settings at it, for a test
 * file that sends through the Cloud API transport. Call it before anything reads settings (they are read once).
 */
export async function startFakeGraphApiForTests(): Promise<FakeGraphServer> {
  const graph = await startFakeGraphServer({ acceptedToken: "test-access-token" });
  process.env.WHATSAPP_ACCESS_TOKEN = "test-access-token";
  process.env.WHATSAPP_APP_SECRET = "test-app-secret";
  process.env.WHATSAPP_VERIFY_TOKEN = "test-verify-token";
  process.env.WHATSAPP_API_BASE_URL = graph.url;
  process.env.WHATSAPP_API_VERSION = "v23.0";
  process.env.APP_URL = "https://app.example.test";
  return graph;
}

/**
 * Starts the fake on 127.0.0.1 and a free port. With `acceptedToken`, a request whose bearer token differs gets
 * Graph's 401 / code 190, like a revoked or mistyped token.
 */
export async function startFakeGraphServer(
  options: { behaviour?: FakeGraphBehaviour; acceptedToken?: string } = {},
): Promise<FakeGraphServer> {
  let behaviour: FakeGraphBehaviour = options.behaviour ?? { kind: "ok" };
  const queue: FakeGraphBehaviour[] = [];
  const queueByRecipient = new Map<string, FakeGraphBehaviour[]>();
  const waIds = new Map<string, string>();
  const requests: FakeGraphRequest[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let sequence = 0;
  // Test files share one database where wamids are unique: each server numbers its own under a random prefix.
  const prefix = randomUUID().slice(0, 8);

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const path = req.url ?? "/";
      requests.push({ method: req.method ?? "", path, headers: req.headers, body: parseJson(text) ?? text });

      if (req.method !== "POST" || !MESSAGES_PATH.test(path)) {
        return sendError(res, 400, 100, "Unsupported post request. Object does not exist or does not support this operation.");
      }
      if (options.acceptedToken !== undefined && req.headers.authorization !== `Bearer ${options.acceptedToken}`) {
        return sendError(res, 401, 190, "Invalid OAuth access token - Cannot parse access token");
      }
      const sentTo = (parseJson(text) as { to?: unknown } | undefined)?.to;
      const to = typeof sentTo === "string" ? sentTo : "";
      const current = queueByRecipient.get(to)?.shift() ?? queue.shift() ?? behaviour;
      const ok = (wamid?: string) =>
        send(res, 200, successBody(to, waIds.get(to) ?? to.replace(/\D/g, ""), wamid ?? `wamid.fake.${prefix}.${++sequence}`));
      switch (current.kind) {
        case "ok":
          return ok(current.wamid);
        case "rate-limited":
          return sendError(res, 429, 130429, "(#130429) Rate limit hit", "Cloud API message throughput has been reached.");
        case "pair-rate-limited":
          return sendError(
            res,
            400,
            131056,
            "(#131056) (Business Account, Consumer Account) pair rate limit hit",
            "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.",
          );
        case "server-error":
          return sendError(res, 500, 131000, "(#131000) Something went wrong", "Message failed to send due to an unknown error.");
        case "re-engagement":
          return sendError(
            res,
            400,
            131047,
            "(#131047) Re-engagement message",
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
          );
        case "graph-error":
          return sendError(res, current.status, current.code, current.message ?? `(#${current.code}) Fake Graph error`, current.details, current.subcode);
        case "slow": {
          const timer = setTimeout(() => {
            timers.delete(timer);
            ok();
          }, current.delayMs);
          timers.add(timer);
          return;
        }
        case "body":
          res.writeHead(current.status ?? 200, { "content-type": current.contentType ?? "application/json; charset=UTF-8" });
          return res.end(current.body);
        case "hang-up":
          return req.socket.destroy();
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setBehaviour(next) {
      behaviour = next;
    },
    queueBehaviours(...next) {
      queue.push(...next);
    },
    queueBehavioursFor(to, ...next) {
      queueByRecipient.set(to, [...(queueByRecipient.get(to) ?? []), ...next]);
    },
    setWaId(to, waId) {
      waIds.set(to, waId);
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function successBody(to: string, waId: string, wamid: string) {
  return { messaging_product: "whatsapp", contacts: [{ input: to, wa_id: waId }], messages: [{ id: wamid }] };
}

function sendError(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  details?: string,
  subcode?: number,
) {
  send(res, status, {
    error: {
      message,
      type: "OAuthException",
      code,
      ...(subcode !== undefined ? { error_subcode: subcode } : {}),
      ...(details !== undefined ? { error_data: { messaging_product: "whatsapp", details } } : {}),
      fbtrace_id: `Afake${Math.random().toString(36).slice(2, 12)}`,
    },
  });
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
  res.end(JSON.stringify(body));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
