import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { readBody, withRoute } from "@/lib/http";
import { answerWebhookHandshake, receiveWebhook } from "@/lib/whatsapp/inbound/receive";

/** Meta's notifications are a few KB; a megabyte is far beyond any real batch. */
const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/** Meta's subscription handshake: 200 with the challenge as plain text, or 403. */
export const GET = withRoute("whatsapp.webhook.verify", async (request) => {
  const answer = answerWebhookHandshake(new URL(request.url).searchParams);
  if (answer.status !== 200) throw new AppError("FORBIDDEN", "The verify token does not match.");
  return new Response(answer.body, { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
});

/** Notifications: signed, deduplicated and applied before answering, so a failure is retried by Meta's redelivery. */
export const POST = withRoute("whatsapp.webhook", async (request, { log, requestId }) => {
  // Raw bytes: the signature covers them exactly.
  const body = await readBody(request, { maxBytes: MAX_WEBHOOK_BODY_BYTES });
  const result = await receiveWebhook(body, request.headers.get("x-hub-signature-256"), { log, requestId });
  return NextResponse.json({ received: result.received });
});
