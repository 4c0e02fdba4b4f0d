import { z } from "zod";
import { issueWords, problem, safeParseWithProblems, say, type Words } from "@/lib/problems";
import type { Translator } from "@/lib/i18n/translator-type";

export { problem, problemKey, safeParseWithProblems, say, type Problem, type Words } from "@/lib/problems";

export const ErrorCode = z.enum([
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "GONE",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "VALIDATION",
  "RATE_LIMITED",
  "PRECONDITION_FAILED",
  "INTERNAL",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Per field (dotted path), what is wrong with it, as a reader sees it. */
export type FieldErrors = Record<string, string[]>;
/** Per field, what is wrong with it, before an adapter words it. */
export type FieldProblems = Record<string, Words[]>;

const httpStatus: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  PRECONDITION_FAILED: 412,
  INTERNAL: 500,
};

/**
 * The one error type domain code throws. Adapters (HTTP, server actions, jobs) map it once each, and word its
 * problem in their reader's language (errorWords). `message` is the problem's key, for logs.
 */
export class AppError extends Error {
  override name = "AppError";

  constructor(
    readonly code: ErrorCode,
    /** A problem (`problem("events.notFound")`), or words already in the reader's language. */
    readonly words: Words,
    readonly details: {
      fields?: FieldProblems;
      /** A finer, machine-readable cause a client can act on (e.g. a tracking link's "expired"). */
      reason?: string;
      retryAfterSeconds?: number;
      cause?: unknown;
    } = {},
  ) {
    super(typeof words === "string" ? words : words.key, { cause: details.cause });
  }

  get status(): number {
    return httpStatus[this.code];
  }

  get fields(): FieldProblems | undefined {
    return this.details.fields;
  }

  static validation(error: z.ZodError, words: Words = problem("input.checkFields")): AppError {
    return new AppError("VALIDATION", words, { fields: fieldProblems(error) });
  }
}

/** A refusal of one field, which is also the error's message (a form shows it beside the field). */
export function fieldError(code: ErrorCode, field: string, words: Words, details: { cause?: unknown } = {}): AppError {
  return new AppError(code, words, { ...details, fields: { [field]: [words] } });
}

export function fieldProblems(error: z.ZodError): FieldProblems {
  const fields: FieldProblems = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issueWords(issue));
  }
  return fields;
}

/** Field problems in the translator's language. */
export function wordFields(t: Translator<"problems">, fields: FieldProblems): FieldErrors {
  return Object.fromEntries(Object.entries(fields).map(([field, words]) => [field, words.map((w) => say(t, w))]));
}

/** An error's message and field messages in the translator's language: the one wording every adapter uses. */
export function errorWords(t: Translator<"problems">, error: AppError): { message: string; fields?: FieldErrors } {
  return { message: say(t, error.words), ...(error.fields ? { fields: wordFields(t, error.fields) } : {}) };
}

/** Parses domain input; a failure becomes a VALIDATION AppError with per-field problems. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = safeParseWithProblems(schema, input);
  if (!result.success) throw AppError.validation(result.error);
  return result.data;
}

/** The wire shape of every error answer: `{ error: { code, message, fields? } }`. */
export type ErrorBody = { error: { code: ErrorCode; message: string; reason?: string; fields?: FieldErrors } };

/** An error answer, worded by `t` (the public API's: English). */
export function toErrorBody(error: AppError, t: Translator<"problems">): ErrorBody {
  const { reason } = error.details;
  const { message, fields } = errorWords(t, error);
  return { error: { code: error.code, message, ...(reason ? { reason } : {}), ...(fields ? { fields } : {}) } };
}
