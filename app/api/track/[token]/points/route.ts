import { NextResponse } from "next/server";
import { readJsonObject, withRoute } from "@/lib/http";
import { receivePoints } from "@/lib/tracking/ingest";
import { MAX_BATCH_BODY_BYTES } from "@/lib/tracking/schemas";

export const POST = withRoute<{ token: string }>("track.points", async (request, { params }) => {
  const { token } = await params;
  return NextResponse.json(await receivePoints(token, () => readJsonObject(request, MAX_BATCH_BODY_BYTES), new Date()));
});
