import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/http";
import { negotiateLocale } from "@/lib/i18n";
import { logger } from "@/lib/logger";
import { trustedDeviceId } from "./device-cookie";
import { confirmEmail } from "./email-confirmation";
import { getAuthSecret } from "./secret";
import { createSession, endSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { SignInInput } from "./schemas";
import { verifyCredentials } from "./verify-credentials";

export class RateLimitedSignIn extends CredentialsSignin {
  override code = "rate_limited";
}

export class UnconfirmedSignIn extends CredentialsSignin {
  override code = "unconfirmed";
}

export const EMAIL_CONFIRMATION_PROVIDER = "email-confirmation";

// Configured lazily so that importing this module (e.g. during `next build`) reads no settings or files.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getAuthSecret(),
  // Auth.js builds its own redirects from the request's host; ours (sign-in, sign-out) pass same-site paths only.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = SignInInput.shape.email.safeParse(credentials.email);
        const result = await verifyCredentials(credentials, {
          address: clientAddress(request.headers),
          deviceId: email.success ? trustedDeviceId(request.headers.get("cookie"), email.data) : null,
          locale: negotiateLocale(request.headers.get("accept-language")),
        });
        if (result.ok) return result.user;
        if (result.reason === "rate_limited") throw new RateLimitedSignIn();
        if (result.reason === "unconfirmed") throw new UnconfirmedSignIn();
        return null;
      },
    }),
    // Following the link that confirms a new account's address signs it in (the link works once).
    Credentials({
      id: EMAIL_CONFIRMATION_PROVIDER,
      credentials: { token: {} },
      authorize: ({ token }) => confirmEmail(String(token ?? "")),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // `user` is there only at sign-in: the token names the server-side session it belongs to from then on.
      if (user?.id) {
        token.sub = user.id;
        token.sid = await createSession(user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await endSession(sid);
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
