import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/lib/database";
import { parseInput, problem, problemKey } from "@/lib/errors";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { createRateLimiter, enforceRateLimit, type RateLimiter } from "@/lib/rate-limit";
import { linkRefusal, refusalError, unsafeFindLinkByToken, type LinkContext } from "./link-context";
import type { LinkRefusal } from "./schemas";

const { participants } = schema;

export const ChooseLanguageInput = z.object({
  language: z.enum(LOCALES, { error: problemKey("tracking.pageLanguage") }),
});
export type ChooseLanguageInput = z.infer<typeof ChooseLanguageInput>;

// A person picks a language once or twice; a link changing it more often than this is not a person.
const CHANGES_PER_MINUTE = 10;
let limiter: RateLimiter | undefined;

/**
 * Whether a link in this state may still choose its participant's language: only while it opens its page, from before
 * its window (not open yet) to the window's end, arrival and Stop included. A replaced link, a cancelled occurrence or
 * a closed window changes nothing any more.
 */
export function mayChooseLanguage(state: "open" | LinkRefusal, validUntil: Date | string, now: Date): boolean {
  if (state === "open" || state === "not_open") return true;
  if (state === "arrived" || state === "stopped") return now.getTime() <= new Date(validUntil).getTime();
  return false;
}

/**
 * The participant's language, chosen on their tracking page: stored on the participant, so the page and their later
 * WhatsApp messages use it. The token is the only credential and establishes the tenant, like the page itself.
 */
export async function chooseLinkLanguage(token: string, input: unknown, now = new Date()): Promise<Locale> {
  const { language } = parseInput(ChooseLanguageInput, input);
  const link = await unsafeFindLinkByToken(token);
  if (!link) throw refusalError("unknown");
  const refusal = linkRefusal(link, now);
  if (refusal && !mayChooseLanguage(refusal, link.validUntil, now)) {
    throw refusalError(refusal === "arrived" || refusal === "stopped" ? "expired" : refusal);
  }
  await assertWithinLanguageLimit(link);
  await getDb()
    .update(participants)
    .set({ language })
    .where(and(eq(participants.id, link.participantId), eq(participants.organizationId, link.organizationId)));
  return language;
}

async function assertWithinLanguageLimit(link: LinkContext): Promise<void> {
  limiter ??= createRateLimiter({ prefix: "track-language", limit: CHANGES_PER_MINUTE, windowSeconds: 60 });
  // As for the positions: with Redis down, refusing a person their language would be worse than not counting.
  await enforceRateLimit(limiter, `${link.organizationId}:${link.linkId}`, problem("tracking.tooManyLanguageChanges"));
}
