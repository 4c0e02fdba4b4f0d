// The server-side session id (lib/auth/sessions.ts), carried in the JWT and checked by getCurrentUser.
import "next-auth";
import "@auth/core/jwt";

declare module "next-auth" {
  interface Session {
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}
