import { handlers } from "@/lib/auth/auth";
import { withCappedBody, withRoute } from "@/lib/http";

// Auth.js's own endpoints take small forms (sign-in, sign-out, CSRF); nothing legitimate comes near this.
const MAX_AUTH_BODY_BYTES = 16 * 1024;

export const GET = withRoute("auth", (request) => handlers.GET(request as Parameters<typeof handlers.GET>[0]));
export const POST = withRoute("auth", async (request) =>
  handlers.POST((await withCappedBody(request, MAX_AUTH_BODY_BYTES)) as Parameters<typeof handlers.POST>[0]),
);
