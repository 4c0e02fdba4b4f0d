import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppError, errorWords } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { ActionResult } from "./action-result";

/**
 * The one place server actions map errors: an AppError becomes a result the form can show, worded in the request's
 * language (the organizer's, or a participant's on their tracking page); anything else is logged once with its cause
 * and shown as INTERNAL. Next's redirect/notFound signals pass through.
 */
export async function runAction<T>(
  name: string,
  fn: () => Promise<ActionResult<T> | void>,
): Promise<ActionResult<T>> {
  try {
    return (await fn()) ?? { ok: true };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) return { ok: false, code: error.code, ...errorWords(await getTranslations("problems"), error) };
    const requestId = (await headers()).get("x-request-id") ?? undefined;
    logger.error({ err: error, action: name, requestId }, "server action failed");
    const t = await getTranslations("errors");
    return { ok: false, code: "INTERNAL", message: t("internal") };
  }
}

/** FormData → plain object for zod. Repeated keys become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const current = out[key];
    out[key] = current === undefined ? value : Array.isArray(current) ? [...current, value] : [current, value];
  }
  return out;
}
