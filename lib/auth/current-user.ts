import { eq } from "drizzle-orm";
import { cache } from "react";
import { getDb, schema } from "@/db";
import type { SignedInUser } from "@/lib/tenant/context";
import { auth } from "./auth";

/** The signed-in user, re-read from the database so a deleted account's session stops working at once. */
export const getCurrentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [user] = await getDb()
    .select({ id: schema.users.id, email: schema.users.email, name: schema.users.name, isSuperadmin: schema.users.isSuperadmin })
    .from(schema.users)
    .where(eq(schema.users.id, id));
  return user ?? null;
});
