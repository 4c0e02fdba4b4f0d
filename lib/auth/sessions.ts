import { randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/lib/database";

const { sessions } = schema;

/** How long a session lasts without use; every day of use extends it (the JWT cookie has the same lifetime). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const EXTEND_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Sessions are JWT cookies, which the server cannot take back by themselves, so each one names a row here and is
 * honoured only while the row exists: deleting it (sign-out, password reset) ends the session on the server, whatever
 * the browser still holds. The id is not a secret — the cookie is signed and encrypted with AUTH_SECRET.
 */
export async function createSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(16).toString("base64url");
  await getDb().insert(sessions).values({ sessionToken: id, userId, expires: expiryFrom(now) });
  return id;
}

/** Whether the session is still on; a session in use is extended at most once a day. */
export async function isSessionActive(sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  const [row] = await getDb()
    .select({ expires: sessions.expires })
    .from(sessions)
    .where(and(eq(sessions.sessionToken, sessionId), eq(sessions.userId, userId), gt(sessions.expires, now)));
  if (!row) return false;
  if (expiryFrom(now).getTime() - row.expires.getTime() > EXTEND_AFTER_MS) {
    await getDb().update(sessions).set({ expires: expiryFrom(now) }).where(eq(sessions.sessionToken, sessionId));
  }
  return true;
}

export async function endSession(sessionId: string): Promise<void> {
  await getDb().delete(sessions).where(eq(sessions.sessionToken, sessionId));
}

/** Signs the user out everywhere, e.g. in the transaction that changes their password. */
export async function endAllSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
}
