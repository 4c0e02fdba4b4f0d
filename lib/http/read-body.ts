import { AppError } from "@/lib/errors";

export type BodyLimits = {
  maxBytes: number;
  /** Media types accepted (`application/json`); anything else is refused with 415 before a byte is read. */
  mediaTypes?: readonly string[];
};

/**
 * The request body as raw bytes, read from the stream and abandoned the moment it passes `maxBytes` (413), so neither
 * a lying Content-Length nor an endless body can make the server buffer more than the cap.
 */
export async function readBody(request: Request, { maxBytes, mediaTypes }: BodyLimits): Promise<Uint8Array> {
  if (mediaTypes) {
    const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!mediaTypes.includes(mediaType)) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the body as ${mediaTypes.join(" or ")}.`);
    }
  }
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${formatBytes(maxBytes)}.`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A JSON object body (400 for anything else), read under the limits above. */
export async function readJsonObject(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const bytes = await readBody(request, { maxBytes, mediaTypes: ["application/json"] });
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    body = undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("BAD_REQUEST", "The body must be a JSON object.");
  }
  return body as Record<string, unknown>;
}

/**
 * For handlers we do not write (Auth.js, Inngest): the body is read under the cap first and the handler gets a copy
 * of the request carrying it, so it can never read past the cap either.
 */
export async function withCappedBody(request: Request, maxBytes: number): Promise<Request> {
  if (request.method === "GET" || request.method === "HEAD") return request;
  const body = await readBody(request, { maxBytes });
  return new Request(request.url, { method: request.method, headers: request.headers, body: body as Uint8Array<ArrayBuffer>, signal: request.signal });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
