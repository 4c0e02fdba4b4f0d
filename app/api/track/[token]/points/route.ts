import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/http/route";
import { assertWithinRateLimit, getOpenLinkOrThrow, ingestPoints, parseBatch } from "@/lib/tracking/ingest";

/** A batch of 100 points is ~15 KB; anything far bigger is not from our page. */
const MAX_BODY_BYTES = 64 * 1024;

export const POST = withRoute<{ token: string }>("track.points", async (request, { params }) => {
  const { token } = await params;
  const now = new Date();
  const link = await getOpenLinkOrThrow(token, now);
  await assertWithinRateLimit(link);
  const points = parseBatch(await readJson(request), link, now);
  return NextResponse.json(await ingestPoints(link, points, now));
});

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("BAD_REQUEST", "The batch is too large: send at most 100 points.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("BAD_REQUEST", 'The body must be a JSON object: { "points": [...] }.');
  }
  return body;
}
