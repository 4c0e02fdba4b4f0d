import { eq } from "drizzle-orm";
import { cache } from "react";
import { getDb, schema } from "@/db";
import type { SignedInUser } from "@/lib/tenant/context";
import { auth } from "./auth";

/**
 * The signed-in user, re-read from the database so that a deleted account's session stops working at once, and so
 * does a session signed in before the password last changed (its session version is behind the account's).
 */
export const getCurrentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [user] = await getDb()
    .select({
      id: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
      isSuperadmin: schema.users.isSuperadmin,
      sessionVersion: schema.users.sessionVersion,
    })
    .from(schema.users)
    .where(eq(schema.users.id, id));
  if (!user || user.sessionVersion !== (session.sessionVersion ?? 0)) return null;
  const { sessionVersion: _version, ...signedIn } = user;
  return signedIn;
});
