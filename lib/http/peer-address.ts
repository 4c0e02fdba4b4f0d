import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/**
 * `next start` hands route handlers and server actions no socket, and writes the peer address into X-Forwarded-For
 * only when the client sent none: a client that sends its own header hides its address. So this process stamps the
 * socket's peer address on every request, overwriting whatever the client put in this header, before Next sees it.
 */
export const PEER_ADDRESS_HEADER = "x-ec-peer-address";

const CHANNEL = "http.server.request.start";
// On globalThis: instrumentation and route handlers are separate bundles with separate module instances.
const STAMP = Symbol.for("event-coming.peer-address-stamp");
type Stamped = { [STAMP]?: diagnostics.Channel };

/** Called once per server process at start-up (instrumentation.ts), before the first request is served. */
export function installPeerAddressStamp(): void {
  const global = globalThis as Stamped;
  if (global[STAMP]) return;
  const channel = diagnostics.channel(CHANNEL);
  channel.subscribe((message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "";
  });
  // Held here so the channel (and with it the subscription) lives as long as the process.
  global[STAMP] = channel;
}

/** True when this process overwrites the header on every request, so its value can be trusted. */
export function isPeerAddressStamped(): boolean {
  return (globalThis as Stamped)[STAMP] !== undefined;
}
