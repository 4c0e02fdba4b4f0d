import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/http/route";
import { readBodyWithLimit } from "@/lib/whatsapp/inbound/read-body";
import { answerWebhookHandshake, receiveWebhook } from "@/lib/whatsapp/inbound/receive";

/** Meta's subscription handshake: 200 with the challenge as plain text, or 403. */
export const GET = withRoute("whatsapp.webhook.verify", async (request) => {
  const answer = answerWebhookHandshake(new URL(request.url).searchParams);
  if (answer.status !== 200) throw new AppError("FORBIDDEN", "The verify token does not match.");
  return new Response(answer.body, { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
});

/** Notifications: signed, deduplicated and applied before answering, so a failure is retried by Meta's redelivery. */
export const POST = withRoute("whatsapp.webhook", async (request, { log, requestId }) => {
  const body = await readBodyWithLimit(request);
  if (!body) throw new AppError("PAYLOAD_TOO_LARGE", "The body is larger than 1 MB.");
  const result = await receiveWebhook(body, request.headers.get("x-hub-signature-256"), { log, requestId });
  return NextResponse.json({ received: result.received });
});
