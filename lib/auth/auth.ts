import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { logger } from "@/lib/logger";
import { getAuthSecret } from "./secret";
import { verifyCredentials } from "./verify-credentials";

export class RateLimitedSignIn extends CredentialsSignin {
  override code = "rate_limited";
}

const THIRTY_DAYS = 30 * 24 * 60 * 60;

// Configured lazily so that importing this module (e.g. during `next build`) reads no settings or files.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getAuthSecret(),
  // Self-hosted behind a proxy: the Host header names the public address (AUTH_URL overrides it).
  trustHost: true,
  session: { strategy: "jwt", maxAge: THIRTY_DAYS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
        const result = await verifyCredentials(credentials, ip);
        if (result.ok) return result.user;
        if (result.reason === "rate_limited") throw new RateLimitedSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // `user` is there only at sign-in: the token keeps the account's session version of that moment.
      if (user?.id) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = token.sessionVersion ?? 0;
      return session;
    },
  },
  logger: {
    error(error) {
      // A wrong password is an expected outcome, not an error worth a stack trace.
      if (error instanceof CredentialsSignin) return;
      logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
  },
}));
