import type { z } from "zod";
import { AppError, safeParseWithProblems, type Words } from "@/lib/errors";
import { formToObject } from "@/lib/http";

export type Schema = z.ZodType;

/** The body's input: what the schema produced, or the form's fields as sent when the action names no schema. */
export type ActionInput<S> = S extends Schema ? z.output<S> : Record<string, unknown>;
/** What a caller passes: the form, or (an action called from code) the object the schema reads. */
export type ActionPayload<S> = FormData | (S extends Schema ? z.input<S> : Record<string, unknown>);

export type Spec<S> = {
  /** Names the action in the log line of an unexpected failure. */
  name: string;
  /** Parsed before the body runs, so field errors come back early and the body's input is typed. Domain functions still parse their own. */
  input?: S;
  /** The message beside the field errors (default: "Some fields need attention."). */
  invalid?: Words;
};

/** The payload as the body sees it: a form becomes a plain object, then the schema (if any) parses it. */
export function readInput<S extends Schema | undefined>(spec: Spec<S>, payload: unknown): ActionInput<S> {
  const data = payload instanceof FormData ? formToObject(payload) : (payload ?? {});
  if (!spec.input) return data as ActionInput<S>;
  const parsed = safeParseWithProblems(spec.input, data);
  if (!parsed.success) throw AppError.validation(parsed.error, spec.invalid);
  return parsed.data as ActionInput<S>;
}
