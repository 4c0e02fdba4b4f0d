-- Sign-in now needs a confirmed address. Accounts made before confirmation existed count as confirmed, and sessions
-- signed in before session rows existed name none, so they sign in once more.
UPDATE "users" SET "email_verified" = "created_at" WHERE "email_verified" IS NULL;
