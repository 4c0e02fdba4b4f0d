import type { z } from "zod";
import { AppError, errorWords, fieldProblems, wordFields, type FieldErrors } from "@/lib/errors";
import { translatorFor, type Locale } from "@/lib/i18n";

// Domain code refuses with catalog keys (lib/problems.ts); an adapter words them. Tests read a refusal the way a
// reader of `locale` gets it: English by default, as the public API and the jobs word it.

/** An AppError's code, message and field messages as a reader of `locale` sees them. */
export function worded(error: AppError, locale: Locale = "en"): { code: AppError["code"]; message: string; fields?: FieldErrors } {
  return { code: error.code, ...errorWords(translatorFor(locale, "problems"), error) };
}

/** The same AppError (code, reason, cause), its message and field messages in `locale`'s words. */
export function inLocale(error: AppError, locale: Locale = "en"): AppError {
  const { message, fields } = worded(error, locale);
  return new AppError(error.code, message, { ...error.details, ...(fields ? { fields } : {}) });
}

/** A zod error's messages per field, worded for `locale`. */
export function wordedIssues(error: z.ZodError, locale: Locale = "en"): FieldErrors {
  return wordFields(translatorFor(locale, "problems"), fieldProblems(error));
}
