import { z } from "zod";

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

export type FieldErrors = Record<string, string[]>;

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

/** The one error type domain code throws. Adapters (HTTP, server actions, jobs) map it once each. */
export class AppError extends Error {
  override name = "AppError";

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: {
      fields?: FieldErrors;
      /** A finer, machine-readable cause a client can act on (e.g. a tracking link's "expired"). */
      reason?: string;
      retryAfterSeconds?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: details.cause });
  }

  get status(): number {
    return httpStatus[this.code];
  }

  get fields(): FieldErrors | undefined {
    return this.details.fields;
  }

  static validation(error: z.ZodError, message = "Some fields need attention."): AppError {
    return new AppError("VALIDATION", message, { fields: fieldErrors(error) });
  }
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Parses domain input; a failure becomes a VALIDATION AppError with per-field messages. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw AppError.validation(result.error);
  return result.data;
}

/** The wire shape of every error answer: `{ error: { code, message, fields? } }`. */
export type ErrorBody = { error: { code: ErrorCode; message: string; reason?: string; fields?: FieldErrors } };

export function toErrorBody(error: AppError): ErrorBody {
  const { reason } = error.details;
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(reason ? { reason } : {}),
      ...(error.fields ? { fields: error.fields } : {}),
    },
  };
}
