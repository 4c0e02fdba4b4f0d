import type { ErrorCode, FieldErrors } from "@/lib/errors";

// Client-safe: what every server action returns to its form.
export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; code: ErrorCode; message: string; fields?: FieldErrors };

export const idle: ActionResult = { ok: true };

/**
 * A server action as a client component receives it, from the page that bound it to its organization:
 * `useActionState(action, idle)` for a form, or `action(idle, input)` from code (P is then the input).
 */
export type FormAction<T = undefined, P = FormData> = (previous: ActionResult<T>, payload: P) => Promise<ActionResult<T>>;
