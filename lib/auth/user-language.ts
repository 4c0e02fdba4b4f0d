import { eq } from "drizzle-orm";
import { z } from "zod";
import { problemKey } from "@/lib/problems";
import { getDb, schema } from "@/lib/database";
import { parseInput } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n";
import type { SignedInUser } from "@/lib/tenant";

/**
 * The dashboard language a user chose for themselves, or null: then their browser's `Accept-Language`, then the
 * organization's (lib/adapters/request-locale.ts). The menu's "Browser default" posts an empty value.
 */
export const UserLanguageInput = z.object({
  language: z.union([z.enum(LOCALES), z.literal("").transform(() => null), z.null()], { error: problemKey("organizations.language") }),
});
export type UserLanguageInput = z.input<typeof UserLanguageInput>;

/** Saves the signed-in user's own language: it follows them into every organization they belong to. */
export async function setUserLanguage(user: SignedInUser, input: UserLanguageInput): Promise<{ language: string | null }> {
  const { language } = parseInput(UserLanguageInput, input);
  await getDb().update(schema.users).set({ language }).where(eq(schema.users.id, user.id));
  return { language };
}
