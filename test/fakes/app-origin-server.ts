import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

// Test-only: a real HTTP server on 127.0.0.1 standing in for the app's origin, recording every request the simulator
// sends and answering through the test's handler (scripted answers, or the real ingest route handler).

export type RecordedRequest = {
  method: string;
  path: string;
  token: string;
  contentType: string | undefined;
  body: unknown;
  receivedAt: number;
};

/** What the handler answers; "drop" closes the connection without an answer (a network failure). */
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | "drop";

export type RecordingServer = { origin: string; requests: RecordedRequest[]; close(): Promise<void> };

export async function startRecordingServer(
  reply: (request: RecordedRequest) => Reply | Promise<Reply>,
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      const path = req.url ?? "";
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        path,
        token: decodeURIComponent(/^\/api\/track\/([^/]+)\/points$/.exec(path)?.[1] ?? ""),
        contentType: req.headers["content-type"],
        body: safeJson(text),
        receivedAt: Date.now(),
      };
      requests.push(recorded);
      const answer = await reply(recorded);
      if (answer === "drop") {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
    })().catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
