import http from "node:http";
import type { AddressInfo } from "node:net";

export type RoundRobinProxy = {
  url: string;
  /** Which upstream answered each request, in order (its index in `upstreams`). */
  served: number[];
  close(): Promise<void>;
};

/**
 * A load balancer for tests: each request goes to the next upstream in turn, streamed both ways (Server-Sent Events
 * included), on 127.0.0.1, with the client's headers unchanged. It adds no X-Forwarded-* headers: the app must not
 * need them.
 */
export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  const served: number[] = [];
  let next = 0;
  const server = http.createServer((request, response) => {
    const index = next;
    next = (next + 1) % upstreams.length;
    served.push(index);
    const target = new URL(request.url ?? "/", upstreams[index]);
    // The Host header passes through, as a load balancer's does: Next.js refuses a server action whose Origin
    // differs from the Host it was sent to.
    const upstream = http.request(
      target,
      { method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
      response.end("upstream unreachable");
    });
    response.on("close", () => upstream.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
