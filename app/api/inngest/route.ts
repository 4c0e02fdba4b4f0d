import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withCappedBody } from "@/lib/http/read-body";
import { withRoute } from "@/lib/http/route";

const inngestHandler = serve({ client: inngest, functions });

// A run request carries the event and earlier steps' results; ours are ids and small summaries.
const MAX_INNGEST_BODY_BYTES = 4 * 1024 * 1024;

type Handler = (request: Request, context: unknown) => Promise<Response>;
const route = (method: keyof typeof inngestHandler) =>
  withRoute(`inngest.${method}`, async (request, context) => {
    // With the local runner the jobs run in-process and nothing may call them from outside.
    if (env().jobRunner !== "inngest") {
      throw new AppError("NOT_FOUND", "Jobs run in-process (local runner); Inngest is not configured.");
    }
    return (inngestHandler[method] as Handler)(await withCappedBody(request, MAX_INNGEST_BODY_BYTES), context);
  });

export const GET = route("GET");
export const POST = route("POST");
export const PUT = route("PUT");
