// `npm run user:superadmin -- someone@example.com [--revoke]`: the platform operator flag is never granted in the UI.
import { eq } from "drizzle-orm";
import { getDatabaseHandle, schema } from "@/lib/database";

const [email, flag] = process.argv.slice(2);
if (!email) {
  console.error("Usage: npm run user:superadmin -- <e-mail> [--revoke]");
  process.exit(1);
}
try {
  const handle = getDatabaseHandle();
  const [user] = await handle.db
    .update(schema.users)
    .set({ isSuperadmin: flag !== "--revoke" })
    .where(eq(schema.users.email, email.trim().toLowerCase()))
    .returning({ email: schema.users.email, isSuperadmin: schema.users.isSuperadmin });
  console.log(user ? `${user.email}: superadmin ${user.isSuperadmin ? "granted" : "revoked"}` : `No account uses ${email}.`);
  await handle.close();
  process.exit(user ? 0 : 1);
} catch (error) {
  console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
