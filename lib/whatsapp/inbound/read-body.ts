/** Meta's notifications are a few KB; a megabyte is far beyond any real batch. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/**
 * The request body as raw bytes (the signature covers them exactly), or null when it is larger than `maxBytes`.
 * Reads the stream and stops at the limit, so a lying or absent Content-Length cannot make us buffer more.
 */
export async function readBodyWithLimit(request: Request, maxBytes = MAX_WEBHOOK_BODY_BYTES): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
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
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
