import { serve } from "inngest/next";
import { NextResponse } from "next/server";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { env } from "@/lib/env";

const inngestHandler = serve({ client: inngest, functions });

// With the local runner the jobs run in-process and nothing may call them from outside.
const notServed = () =>
  NextResponse.json(
    { error: { code: "NOT_FOUND", message: "Jobs run in-process (local runner); Inngest is not configured." } },
    { status: 404 },
  );

type Handler = (request: Request, context: unknown) => Promise<Response>;
const route = (method: keyof typeof inngestHandler): Handler => (request, context) =>
  env().jobRunner === "inngest" ? (inngestHandler[method] as Handler)(request, context) : Promise.resolve(notServed());

export const GET = route("GET");
export const POST = route("POST");
export const PUT = route("PUT");
