import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isForbiddenAddress, literalAddress } from "./address-guard";
import type { DeliveryError } from "./event-types";


/** What one request to a receiver came to: its status (null when none came), how long it took, and why it failed. */
export type OutboundResult = { status: number | null; durationMs: number; error: DeliveryError | null };

export type OutboundOptions = {
  /** WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: private addresses and plain http allowed (development and tests). */
  allowPrivate: boolean;
  timeoutMs?: number;
};

const TIMEOUT_MS = 10_000;
/** Only the status matters; a receiver's long answer is not read past this. */
const MAX_BODY_BYTES = 4_096;

class RefusedAddress extends Error {
  constructor(readonly detail: string) {
    super(`${detail} is a private or reserved address`);
  }
}

/** Resolves like dns.lookup, but refuses when any address the name resolves to is private (the checked one is used). */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
      const forbidden = allowPrivate ? undefined : addresses.find(isForbiddenAddress);
      if (forbidden) return callback(new RefusedAddress(`${hostname} (${forbidden})`), "", 0);
      callback(null, address, family);
    });
  };
}

/** Why a URL is refused before any connection is made, or null when it may be tried. */
export function refusalOf(url: URL, allowPrivate: boolean): DeliveryError | null {
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) return { code: "https_only", detail: null };
  const literal = literalAddress(url.hostname);
  if (literal && !allowPrivate && isForbiddenAddress(literal)) return { code: "private_address", detail: literal };
  return null;
}

/**
 * POSTs a JSON body: DNS resolved first and every address checked (unless allowed), no redirects followed (a 3xx is
 * an answer like any other), at most ~10 s, the answer's body read no further than a few KB.
 */
export function postJson(target: string, body: string, headers: Record<string, string>, options: OutboundOptions): Promise<OutboundResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(target);
  const refusal = refusalOf(url, options.allowPrivate);
  if (refusal) return Promise.resolve({ status: null, durationMs: 0, error: refusal });
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<OutboundResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = client.request(
      url,
      {
        method: "POST",
        agent: false,
        lookup: guardedLookup(options.allowPrivate),
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "Event-Coming-Webhooks/1" },
      },
      (response) => {
        let read = 0;
        const done = () => finish({ status: response.statusCode ?? null, error: null });
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_BODY_BYTES) {
            done();
            response.destroy();
          }
        });
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
    const deadline = setTimeout(() => {
      finish({ status: null, error: { code: "timeout", detail: String(Math.round(timeoutMs / 1000)) } });
      request.destroy();
    }, timeoutMs);
    request.on("error", (error) => {
      const reason: DeliveryError =
        error instanceof RefusedAddress ? { code: "private_address", detail: error.detail } : { code: "connect_failed", detail: error.message };
      finish({ status: null, error: reason });
    });
    request.end(body);
  });
}
