import { boolean, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz, updatedAt } from "./_columns";

export const users = pgTable(
  "users",
  {
    id: id(),
    name: text().notNull(),
    /** Always stored lower-cased and trimmed. */
    email: text().notNull(),
    emailVerified: timestamptz(),
    image: text(),
    passwordHash: text(),
    /** Platform operator: may act in any organization. Never granted through the app's UI. */
    isSuperadmin: boolean().notNull().default(false),
    /** The dashboard's language they chose (a lib/i18n locale); null: their browser's, then the organization's. */
    language: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

// The three tables below follow the shape @auth/drizzle-adapter expects, so an OAuth or e-mail provider can be
// added later without a migration. Today sign-in uses credentials with JWT sessions, each naming a row of `sessions`
// (lib/auth/sessions.ts: deleting it ends the session on the server); verification_tokens holds password-reset and
// address-confirmation tokens (hashed).
export const accounts = pgTable(
  "accounts",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable("sessions", {
  sessionToken: text().primaryKey(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamptz().notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);
