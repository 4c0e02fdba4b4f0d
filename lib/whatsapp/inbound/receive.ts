import { getDb, schema } from "@/lib/database";
import { AppError } from "@/lib/errors";
import { maskPhone, type Logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { kickWebhookDelivery } from "@/lib/webhooks";
import { answerHandshake, normalizeWebhook, receiptKey, verifySignature, type HandshakeAnswer, type WebhookEvent } from "@/lib/whatsapp/webhook";
import { applyEvent, type EffectOutcome } from "./apply";
import type { InboundContext } from "./context";
import { webhookSecret, webhookVerifyToken } from "@/lib/whatsapp/secrets";
import { unsafeFindOrganizationByPhoneNumberId, type OrganizationLookup } from "./tenant";

const PROVIDER = "whatsapp";

/** Meta's subscription handshake; without a configured verify token every attempt is refused. */
export function answerWebhookHandshake(searchParams: URLSearchParams): HandshakeAnswer {
  return answerHandshake(searchParams, webhookVerifyToken() ?? "");
}

export type ReceiveResult = { received: number };

/**
 * One webhook POST: checks the signature over the raw bytes (UNAUTHORIZED when wrong or missing), then applies each
 * event once. A body that is signed but not a WhatsApp notification is logged and accepted (Meta would only retry
 * it). An effect that fails (the database, not the input) is rolled back with its receipt and makes the whole POST
 * fail after the others were applied, so Meta's redelivery retries exactly the events that did not happen.
 */
export async function receiveWebhook(
  rawBody: Uint8Array,
  signatureHeader: string | null,
  meta: { log: Logger; requestId: string },
): Promise<ReceiveResult> {
  if (!verifySignature(rawBody, signatureHeader, webhookSecret())) {
    metrics.webhookReceipts.inc({ result: "bad_signature" });
    throw new AppError("UNAUTHORIZED", "The X-Hub-Signature-256 header is missing or does not match the body.");
  }
  const { log } = meta;
  const body = parseJson(rawBody);
  const normalized = normalizeWebhook(body);
  if (!normalized.ok) {
    log.warn({ reason: normalized.reason, detail: normalized.message }, "whatsapp webhook body ignored");
    metrics.webhookReceipts.inc({ result: "ignored" });
    return { received: 0 };
  }
  const organizations = new Map<string, Promise<OrganizationLookup>>();
  let failures = 0;
  for (const event of normalized.events) {
    try {
      await applyOnce(event, organizations, meta);
    } catch (error) {
      failures += 1;
      log.error({ err: error, kind: event.kind, key: receiptKey(event) }, "whatsapp webhook event failed; Meta will redeliver it");
    }
  }
  metrics.webhookReceipts.inc({ result: failures > 0 ? "failed" : "applied" });
  if (failures > 0) throw new Error(`${failures} of ${normalized.events.length} webhook events failed.`);
  return { received: normalized.events.length };
}

function parseJson(raw: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
  } catch {
    return undefined;
  }
}

async function applyOnce(
  event: WebhookEvent,
  organizations: Map<string, Promise<OrganizationLookup>>,
  meta: { log: Logger; requestId: string },
): Promise<void> {
  const key = receiptKey(event);
  const log = meta.log.child({ kind: event.kind, key, ...("from" in event && event.from ? { from: maskPhone(event.from) } : {}) });
  if (event.kind === "unknown") log.info({ reason: event.reason }, "whatsapp webhook event not handled");
  if (!key || !event.phoneNumberId) return;

  let lookup = organizations.get(event.phoneNumberId);
  if (!lookup) {
    lookup = unsafeFindOrganizationByPhoneNumberId(event.phoneNumberId);
    organizations.set(event.phoneNumberId, lookup);
  }
  const organization = await lookup;
  if (!organization.ok) {
    const level = organization.reason === "ambiguous" ? "error" : "warn";
    log[level]({ phoneNumberId: event.phoneNumberId, reason: organization.reason }, "whatsapp event for a number no single organization owns; ignored");
    return;
  }

  const afterCommit: (() => Promise<void> | void)[] = [];
  const outcome = await getDb().transaction(async (tx): Promise<EffectOutcome | null> => {
    // The receipt and the effect commit together: a repeat (even a concurrent one, which waits on the unique key)
    // finds the receipt and does nothing, and a failed effect leaves no receipt behind.
    const [receipt] = await tx
      .insert(schema.webhookReceipts)
      .values({ provider: PROVIDER, externalId: key, organizationId: organization.organizationId })
      .onConflictDoNothing()
      .returning({ id: schema.webhookReceipts.id });
    if (!receipt) return null;
    const ctx: InboundContext = {
      tx,
      organizationId: organization.organizationId,
      requestId: meta.requestId,
      log,
      afterCommit: (task) => afterCommit.push(task),
    };
    return applyEvent(ctx, event);
  });
  log.info({ organizationId: organization.organizationId, outcome: outcome?.outcome ?? "duplicate" }, "whatsapp webhook event");
  // The event may have enqueued webhook deliveries (an answer, an arrival, an opt-out): committed, they can go now.
  afterCommit.push(() => kickWebhookDelivery());
  for (const task of afterCommit) {
    try {
      await task();
    } catch (error) {
      log.warn({ err: error }, "after-commit step of a whatsapp event failed");
    }
  }
}
