import type { ErrorCode, FieldErrors } from "@/lib/errors";

// Client-safe: what every server action returns to its form.
export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; code: ErrorCode; message: string; fields?: FieldErrors };

export const idle: ActionResult = { ok: true };
