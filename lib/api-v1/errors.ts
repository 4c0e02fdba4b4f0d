import { AppError, problem, type ErrorBody, type ErrorCode } from "@/lib/errors";
import { apiErrorBody } from "@/lib/http";
import { CAPABILITIES } from "@/lib/tenant";
import type { Endpoint } from "./endpoint";

/** What each refusal means in the reference, and the example answer shown for it. */
const MEANING: Record<ErrorCode, { description: string; example: AppError }> = {
  BAD_REQUEST: {
    description: "The body is not JSON, or the Idempotency-Key is malformed.",
    example: new AppError("BAD_REQUEST", "The body is not valid JSON."),
  },
  UNAUTHORIZED: {
    description: "No API key, or an unknown or revoked one, or one whose creator left the organization.",
    example: new AppError("UNAUTHORIZED", "Send a valid API key as `Authorization: Bearer <key>`."),
  },
  FORBIDDEN: {
    description: "The key's role (capped by its creator's current role) does not allow this.",
    example: new AppError("FORBIDDEN", problem("access.forbidden")),
  },
  NOT_FOUND: {
    description: "No such item in this key's organization (another organization's items look the same).",
    example: new AppError("NOT_FOUND", problem("events.notFound")),
  },
  CONFLICT: {
    description: "The Idempotency-Key was used with another request, or its first request is still running.",
    example: new AppError("CONFLICT", "This Idempotency-Key was already used for a different request.", {
      reason: "idempotency_key_reused",
    }),
  },
  GONE: { description: "The item is gone for good.", example: new AppError("GONE", "Gone.") },
  PAYLOAD_TOO_LARGE: {
    description: "The body is larger than the cap (1 MiB unless stated).",
    example: new AppError("PAYLOAD_TOO_LARGE", "The body is larger than 1 MB."),
  },
  UNSUPPORTED_MEDIA_TYPE: {
    description: "The body is not sent as `application/json`.",
    example: new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json."),
  },
  VALIDATION: {
    description: "Some fields are missing or wrong: `fields` says which and why.",
    example: new AppError("VALIDATION", problem("input.checkFields"), { fields: { title: [problem("events.titleMissing")] } }),
  },
  RATE_LIMITED: {
    description: "Too many requests with this key: wait `Retry-After` seconds.",
    example: new AppError("RATE_LIMITED", "Too many requests with this API key. Wait and try again."),
  },
  PRECONDITION_FAILED: {
    description: "The item is not in a state that allows this.",
    example: new AppError("PRECONDITION_FAILED", problem("occurrences.cannotCancelPast")),
  },
  INTERNAL: {
    description: "Something went wrong on our side; retrying later is safe (with the same Idempotency-Key).",
    example: new AppError("INTERNAL", "Something went wrong on our side."),
  },
};

/** The refusals an endpoint can answer with, and what each means for it, in status order. */
export function errorsOf(endpoint: Endpoint): { code: ErrorCode; status: number; description: string; example: ErrorBody }[] {
  const codes = new Set<ErrorCode>(["UNAUTHORIZED", "RATE_LIMITED"]);
  if (CAPABILITIES[endpoint.capability] !== "viewer") codes.add("FORBIDDEN");
  if (endpoint.params) codes.add("NOT_FOUND");
  if (endpoint.query || endpoint.body) codes.add("VALIDATION");
  if (endpoint.body) for (const code of ["BAD_REQUEST", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"] as const) codes.add(code);
  if (endpoint.method === "post") for (const code of ["BAD_REQUEST", "CONFLICT"] as const) codes.add(code);
  for (const code of Object.keys(endpoint.errors ?? {}) as ErrorCode[]) codes.add(code);
  return [...codes]
    .map((code) => {
      const { description, example } = MEANING[code];
      return { code, status: example.status, description: endpoint.errors?.[code] ?? description, example: apiErrorBody(example) };
    })
    .sort((a, b) => a.status - b.status);
}
