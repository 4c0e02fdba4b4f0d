import { eq } from "drizzle-orm";
import { cache } from "react";
import { getDb, schema } from "@/lib/database";
import type { SignedInUser } from "@/lib/tenant";
import { auth } from "./auth";
import { isSessionActive } from "./sessions";

/**
 * The signed-in user, re-read from the database so that a deleted account's session stops working at once, and only
 * while the session's server-side row exists (sign-out and a password reset delete it; the cookie alone is not enough).
 */
export const getCurrentUser = cache(async (): Promise<(SignedInUser & { sessionId: string; language: string | null }) | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!id || !sessionId) return null;
  const [user] = await getDb()
    .select({
      id: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
      isSuperadmin: schema.users.isSuperadmin,
      language: schema.users.language,
    })
    .from(schema.users)
    .where(eq(schema.users.id, id));
  if (!user || !(await isSessionActive(sessionId, user.id))) return null;
  return { ...user, sessionId };
});
