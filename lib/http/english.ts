import { errorWords, toErrorBody, type AppError, type ErrorBody } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n";

// Where an error is worded for a program or a log rather than a person in a request: the public API, tracking and
// feeds answer in English, and jobs record English (the same catalog's, never a second copy in code).

/** An error answer to a program: `{ error: { code, message, fields? } }` in English. */
export function apiErrorBody(error: AppError): ErrorBody {
  return toErrorBody(error, translatorFor("en", "problems"));
}

/** An error's message in English, for what a job records. */
export function englishMessage(error: AppError): string {
  return errorWords(translatorFor("en", "problems"), error).message;
}
