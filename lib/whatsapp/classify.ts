import { z } from "zod";

// Turns a Graph API failure into what the sender needs: retry or not, a stable code for the messages table, and a
// sentence an organizer understands. Meta asks callers to branch on `code` (and details), not on titles, which it
// plans to deprecate: https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes

export type SendSuccess = {
  ok: true;
  wamid: string;
  /** WhatsApp's id for the recipient (`contacts[0].wa_id`, digits) when Graph reported it; it may differ from the number. */
  waId?: string;
};
export type SendFailure = {
  ok: false;
  /** True when sending the same message again later may succeed (rate limits, Meta outages, network, timeouts). */
  retriable: boolean;
  /**
   * Retriable only. "recipient": only this person's message has to wait (the pair rate limit, a one-off error), so
   * the others go on; "sender": nothing can be sent right now (throughput limit, WhatsApp unreachable).
   */
  retryScope?: "recipient" | "sender";
  /** Retriable only: the least time to wait before sending the same message again (131056: 6 s per pair). */
  retryAfterMs?: number;
  /** Our stable reason, e.g. "outside_24h_window"; store it with the message. */
  code: string;
  title: string;
  /** One sentence for the organizer. */
  inWords: string;
  /** Meta's numeric error code when the answer carried one, e.g. 131047. */
  graphCode?: number;
  httpStatus?: number;
  /** Meta's own explanation (`error_data.details`, else `message`), for the log and support. */
  details?: string;
  fbtraceId?: string;
};
export type SendResult = SendSuccess | SendFailure;

/** Graph's error envelope; everything but `code` is optional so an unusual answer is still classified. */
export const GraphErrorBody = z.object({
  error: z.object({
    code: z.number().int(),
    message: z.string().optional(),
    type: z.string().optional(),
    error_subcode: z.number().int().optional(),
    error_data: z.object({ details: z.string().optional() }).loose().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphError = z.infer<typeof GraphErrorBody>["error"];

type Reason = Pick<SendFailure, "code" | "retriable" | "retryScope" | "retryAfterMs" | "title" | "inWords">;

const REASONS = {
  rate_limited: {
    retriable: true,
    retryScope: "sender",
    title: "WhatsApp rate limit",
    inWords: "WhatsApp asked us to slow down because too many messages were sent at once; this is temporary.",
  },
  pair_rate_limited: {
    retriable: true,
    retryScope: "recipient",
    // Meta allows about one message every 6 seconds from a business number to the same person.
    retryAfterMs: 6_000,
    title: "WhatsApp rate limit for this number",
    inWords: "WhatsApp limits how many messages one person can get from you in a short time.",
  },
  server_error: {
    retriable: true,
    retryScope: "recipient",
    title: "WhatsApp temporary error",
    inWords: "WhatsApp had a temporary problem on its side.",
  },
  timeout: {
    retriable: true,
    retryScope: "sender",
    title: "WhatsApp did not answer in time",
    inWords: "WhatsApp did not answer in time; this is usually temporary.",
  },
  network: {
    retriable: true,
    retryScope: "sender",
    title: "WhatsApp unreachable",
    inWords: "We could not reach WhatsApp over the network; this is usually temporary.",
  },
  outside_24h_window: {
    retriable: false,
    title: "Outside the 24-hour window",
    inWords: "The person has not written in the last 24 hours, so only an approved template can be sent.",
  },
  undeliverable: {
    retriable: false,
    title: "Message undeliverable",
    inWords:
      "WhatsApp could not deliver to this number: it may not use WhatsApp, may have blocked your business, or has an outdated app.",
  },
  invalid_recipient: {
    retriable: false,
    title: "Invalid WhatsApp number",
    inWords: "This phone number is not a valid WhatsApp number; check the participant's number.",
  },
  recipient_not_allowed: {
    retriable: false,
    title: "Number not in the test recipient list",
    inWords:
      "Your WhatsApp test number may only message numbers on its recipient list; add this number in Meta's settings or use a production number.",
  },
  marketing_opt_out: {
    retriable: false,
    title: "Person stopped marketing messages",
    inWords: "This person chose to stop receiving marketing messages from your business on WhatsApp.",
  },
  not_delivered_by_meta: {
    retriable: false,
    title: "WhatsApp chose not to deliver",
    inWords: "WhatsApp held this message back so the person does not get too many business messages; try again later.",
  },
  spam_rate_limited: {
    retriable: false,
    title: "Number restricted for quality",
    inWords:
      "WhatsApp is limiting your number because earlier messages were blocked or reported; check its quality in WhatsApp Manager.",
  },
  template_missing: {
    retriable: false,
    title: "Template not found",
    inWords:
      "The WhatsApp template does not exist in this language or is not approved yet; check the template name and language in the message settings.",
  },
  template_parameters: {
    retriable: false,
    title: "Template fields do not match",
    inWords:
      "The message does not fit the approved template (wrong number or format of fields); check the template in the message settings.",
  },
  template_unavailable: {
    retriable: false,
    title: "Template paused or disabled",
    inWords: "Meta has paused or disabled this WhatsApp template; choose another approved template in the message settings.",
  },
  template_problem: {
    retriable: false,
    title: "Template rejected",
    inWords: "WhatsApp rejected the template message; check the template in the message settings.",
  },
  access_token_invalid: {
    retriable: false,
    title: "Access token invalid or expired",
    inWords: "The WhatsApp access token is invalid or has expired; an administrator needs to set a new one.",
  },
  not_authorized: {
    retriable: false,
    title: "Not allowed to send",
    inWords: "The WhatsApp account does not let this app send messages; an administrator needs to check its permissions.",
  },
  account_problem: {
    retriable: false,
    title: "WhatsApp account cannot send",
    inWords:
      "Your WhatsApp Business account cannot send messages right now (blocked, unpaid or not fully set up); check it in WhatsApp Manager.",
  },
  invalid_message: {
    retriable: false,
    title: "Message refused",
    inWords: "WhatsApp refused the content of this message; it was not sent again. Please report this to support.",
  },
  rejected: {
    retriable: false,
    title: "Message refused",
    inWords: "WhatsApp refused this message; it was not sent again.",
  },
  malformed_response: {
    retriable: false,
    title: "Unreadable answer from WhatsApp",
    inWords:
      "WhatsApp answered in a way we could not read; the message may have gone out, so it was not sent again to avoid a duplicate.",
  },
  log_failed: {
    retriable: true,
    retryScope: "sender",
    title: "Outbox not written",
    inWords: "The message could not be written to the local outbox; this is usually temporary.",
  },
  invalid_config: {
    retriable: false,
    title: "WhatsApp settings incomplete",
    inWords: "The WhatsApp settings (phone number id, access token, API address) are incomplete or invalid.",
  },
  not_delivered: {
    retriable: false,
    title: "Not delivered",
    inWords: "WhatsApp reported that it could not deliver this message.",
  },
} satisfies Record<string, Omit<Reason, "code">>;
export type SendFailureCode = keyof typeof REASONS;

/** The failure for one of our reasons, with Graph's specifics attached when known. */
export function failure(
  code: SendFailureCode,
  extra: Pick<SendFailure, "graphCode" | "httpStatus" | "details" | "fbtraceId"> = {},
): SendFailure {
  const definedExtra = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
  return { ok: false, code, ...REASONS[code], ...definedExtra };
}

// Meta's codes, by what the organizer can do about them. Rate limits: 4 app, 80007 account, 130429 throughput,
// 131056 same-recipient pair. Temporary: 1 unknown, 2 service, 131000 something went wrong, 131016 / 133004 unavailable.
const BY_GRAPH_CODE: Record<number, SendFailureCode> = {
  4: "rate_limited",
  80007: "rate_limited",
  130429: "rate_limited",
  131056: "pair_rate_limited",
  1: "server_error",
  2: "server_error",
  131000: "server_error",
  131016: "server_error",
  133004: "server_error",
  131047: "outside_24h_window",
  131026: "undeliverable",
  131021: "invalid_recipient",
  131030: "recipient_not_allowed",
  131050: "marketing_opt_out",
  131049: "not_delivered_by_meta",
  131048: "spam_rate_limited",
  132001: "template_missing",
  132000: "template_parameters",
  132012: "template_parameters",
  132018: "template_parameters",
  132015: "template_unavailable",
  132016: "template_unavailable",
  190: "access_token_invalid",
  0: "not_authorized",
  3: "not_authorized",
  10: "not_authorized",
  33: "account_problem",
  368: "account_problem",
  131031: "account_problem",
  131037: "account_problem",
  131042: "account_problem",
  133010: "account_problem",
  131008: "invalid_message",
  131009: "invalid_message",
  131051: "invalid_message",
  131052: "invalid_message",
  131053: "invalid_message",
};

function reasonForGraphCode(code: number, details: string): SendFailureCode | undefined {
  const known = BY_GRAPH_CODE[code];
  if (known) return known;
  if (code >= 200 && code <= 299) return "not_authorized";
  if (code >= 132000 && code <= 132999) return "template_problem";
  // 100 "Invalid parameter" also covers "the recipient is not a WhatsApp number"; only the text tells them apart.
  if (code === 100) return /\b(phone number|recipient|wa_id)\b|'to'|"to"/i.test(details) ? "invalid_recipient" : "invalid_message";
  return undefined;
}

/** Classifies a non-2xx answer from the Messages API. `error` is Graph's parsed error, when the body had one. */
export function classifyGraphFailure(httpStatus: number, error?: GraphError): SendFailure {
  const details = error ? (error.error_data?.details ?? error.message) : undefined;
  const extra = { httpStatus, graphCode: error?.code, details, fbtraceId: error?.fbtrace_id };
  const byCode = error ? reasonForGraphCode(error.code, details ?? "") : undefined;
  if (byCode) return failure(byCode, extra);
  if (httpStatus === 429) return failure("rate_limited", extra);
  if (httpStatus >= 500) return failure("server_error", extra);
  if (httpStatus === 401) return failure("access_token_invalid", extra);
  if (httpStatus === 403) return failure("not_authorized", extra);
  return failure("rejected", extra);
}

/**
 * Classifies the error of a `failed` status webhook (a message WhatsApp accepted and could not deliver): the same
 * reason and sentence as the same code at send time; a code we do not know keeps Meta's own explanation.
 */
export function classifyStatusError(error: { code: number; title?: string; message?: string; details?: string }): SendFailure {
  const details = error.details ?? (error.message && error.message !== error.title ? error.message : undefined);
  const extra = { graphCode: error.code, details: details ?? error.title };
  const byCode = reasonForGraphCode(error.code, details ?? "");
  if (byCode) return failure(byCode, extra);
  const said = [error.title, details].filter(Boolean).join(": ");
  const unknown = failure("not_delivered", extra);
  return said ? { ...unknown, inWords: `${unknown.inWords} WhatsApp said: “${said}” (error ${error.code}).` } : unknown;
}

/**
 * Every stored failure code that has words of its own (the "sendFailures" catalog keys: a title, and a sentence for
 * WhatsApp's reasons); "not_sendable" and "opted_out" are recorded by the sender itself rather than by WhatsApp.
 */
export const SEND_FAILURE_CODES = Object.keys(REASONS) as SendFailureCode[];
export const OWN_FAILURE_CODES = ["not_sendable", "opted_out"] as const;
