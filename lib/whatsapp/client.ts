import { z } from "zod";
import { classifyGraphFailure, failure, GraphErrorBody, type SendResult } from "./classify";
import type { WhatsAppMessage } from "./messages";

// The Cloud API client: one POST to /{version}/{phone-number-id}/messages with a bearer token. Settings come in as
// a parameter (from env and the organization's phone number id) so tests point it at a loopback fake. Never throws.

export const WhatsAppConfig = z.object({
  /** https://graph.facebook.com in production. */
  baseUrl: z.url(),
  apiVersion: z.string().regex(/^v\d+\.\d+$/, "looks like v23.0"),
  phoneNumberId: z.string().regex(/^\d+$/, "is the numeric id Meta shows for the WhatsApp number"),
  accessToken: z.string().min(1),
});
export type WhatsAppConfig = z.infer<typeof WhatsAppConfig>;

export type SendOptions = {
  /** For tests and instrumentation; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** The whole exchange (connect, answer, body) must finish within this many ms. Default 10 s. */
  timeoutMs?: number;
};

/** A 2xx answer: `{ messaging_product, contacts: [{ input, wa_id }], messages: [{ id, message_status? }] }`. */
const GraphSendSuccess = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });
/** Read apart from the wamid: an odd `contacts` must not turn an accepted message into a failure. */
const GraphSendContacts = z.object({ contacts: z.array(z.object({ wa_id: z.string().regex(/^\d{6,20}$/) })).min(1) });

const DEFAULT_TIMEOUT_MS = 10_000;

export function messagesUrl(config: WhatsAppConfig): string {
  return `${config.baseUrl.replace(/\/+$/, "")}/${config.apiVersion}/${config.phoneNumberId}/messages`;
}

/** Sends one built message. `{ ok: true, wamid }`, or a classified failure that says whether a retry may help. */
export async function sendWhatsApp(config: WhatsAppConfig, message: WhatsAppMessage, options: SendOptions = {}): Promise<SendResult> {
  const settings = WhatsAppConfig.safeParse(config);
  if (!settings.success) {
    const issue = settings.error.issues[0];
    return failure("invalid_config", { details: issue ? `${issue.path.join(".")} ${issue.message}` : undefined });
  }
  const doFetch = options.fetch ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let status: number;
  let text: string;
  try {
    const response = await doFetch(messagesUrl(settings.data), {
      method: "POST",
      headers: {
        authorization: `Bearer ${settings.data.accessToken}`,
        "content-type": "application/json",
        accept: "application/json",
      },
      body: JSON.stringify(message),
      signal: controller.signal,
      cache: "no-store",
    });
    status = response.status;
    // Reading the body stays under the same timeout: a server that stalls mid-answer is as slow as a silent one.
    text = await response.text();
  } catch (error) {
    if (controller.signal.aborted) return failure("timeout");
    return failure("network", { details: describeNetworkError(error) });
  } finally {
    clearTimeout(timer);
  }

  const json = parseJson(text);
  if (status >= 200 && status < 300) {
    const parsed = GraphSendSuccess.safeParse(json);
    if (parsed.success) {
      const contacts = GraphSendContacts.safeParse(json);
      const waId = contacts.success ? contacts.data.contacts[0]!.wa_id : undefined;
      return { ok: true, wamid: parsed.data.messages[0]!.id, ...(waId ? { waId } : {}) };
    }
    return failure("malformed_response", { httpStatus: status, details: text.slice(0, 200) });
  }
  const graphError = GraphErrorBody.safeParse(json);
  return classifyGraphFailure(status, graphError.success ? graphError.data.error : undefined);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}
