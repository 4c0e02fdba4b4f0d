import { NextResponse } from "next/server";
import { readJsonObject, withRoute } from "@/lib/http";
import { assertWithinRateLimit, getOpenLinkOrThrow, ingestPoints, parseBatch } from "@/lib/tracking/ingest";
import { MAX_BATCH_BODY_BYTES } from "@/lib/tracking/schemas";

export const POST = withRoute<{ token: string }>("track.points", async (request, { params }) => {
  const { token } = await params;
  const now = new Date();
  const link = await getOpenLinkOrThrow(token, now);
  await assertWithinRateLimit(link);
  const points = parseBatch(await readJsonObject(request, MAX_BATCH_BODY_BYTES), link, now);
  return NextResponse.json(await ingestPoints(link, points, now));
});
