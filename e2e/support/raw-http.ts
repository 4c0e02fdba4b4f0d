import http from "node:http";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * One HTTP request with headers a browser would never let a page set (Host, Origin): what an attacker's script sends.
 * `body` as a string, or an async generator of chunks (writing stops as soon as the answer arrives).
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | AsyncIterable<Buffer> } = {},
): Promise<RawResponse & { bytesSent: number }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const request = http.request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: options.method ?? "GET", headers: options.headers },
      (response) => {
        answered = true;
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body, bytesSent }));
        response.on("error", reject);
      },
    );
    // The server closing the connection after its answer is expected while we are still writing.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const body = options.body;
    if (typeof body === "string" || body === undefined) {
      request.end(body);
      if (body) bytesSent = Buffer.byteLength(body);
      return;
    }
    void (async () => {
      for await (const chunk of body) {
        if (answered || request.destroyed) break;
        bytesSent += chunk.length;
        if (!request.write(chunk)) await new Promise((resume) => request.once("drain", resume));
      }
      if (!answered && !request.destroyed) request.end();
    })().catch(() => undefined);
  });
}

/** An endless body of 64 KB chunks, the shape of the 600 MB upload that once took 1.5 GB of server memory. */
export async function* endlessBody(): AsyncGenerator<Buffer> {
  const chunk = Buffer.alloc(64 * 1024, "x");
  for (let i = 0; i < 16_384; i++) yield chunk; // 1 GB at most
}

/** The hidden fields of the first form on an HTML page (how a progressive-enhancement server action is posted). */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)) {
    fields[decodeEntities(match[1]!)] = decodeEntities(match[2] ?? "");
  }
  return fields;
}

export function multipart(fields: Record<string, string>): { body: string; contentType: string } {
  const boundary = `----e2e${Date.now().toString(16)}`;
  const body =
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("") + `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

function decodeEntities(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#x27;/g, "'");
}
