import type { z } from "zod";
import { withApiRoute, type ApiResult } from "@/lib/adapters";
import { AppError, parseInput } from "@/lib/errors";
import type { Endpoint, HttpMethod } from "./endpoint";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type RouteHandlers = Record<"GET" | "POST" | "PATCH" | "DELETE", Handler>;

const METHODS = ["get", "post", "patch", "delete"] as const satisfies readonly HttpMethod[];

/** The route handlers of one path (`/events/{eventId}`), built from its endpoints; a method it lacks answers 405. */
export function routesFor(endpoints: readonly Endpoint[], path: string): RouteHandlers {
  const atPath = endpoints.filter((endpoint) => endpoint.path === path);
  if (atPath.length === 0) throw new Error(`No API endpoint is defined at ${path}.`);
  const entries = METHODS.map((method) => {
    const endpoint = atPath.find((e) => e.method === method);
    return [method.toUpperCase(), endpoint ? routeOf(endpoint) : notAllowed(atPath)] as const;
  });
  return Object.fromEntries(entries) as RouteHandlers;
}

function routeOf(endpoint: Endpoint): Handler {
  return withApiRoute<Record<string, string>>(
    `api-v1 ${endpoint.operationId}`,
    async ({ ctx, params, request, body }): Promise<ApiResult> => {
      const input = {
        params: endpoint.params ? parseParams(endpoint.params, params) : undefined,
        query: endpoint.query ? parseInput(endpoint.query, Object.fromEntries(new URL(request.url).searchParams)) : undefined,
        body: endpoint.body ? parseInput(endpoint.body, body ?? {}) : undefined,
      };
      return { status: endpoint.response.status, body: await endpoint.handler(ctx, input) };
    },
    { capability: endpoint.capability, maxBodyBytes: endpoint.maxBodyBytes },
  );
}

/** Path ids that do not even parse name nothing: the same 404 as an id of another organization. */
function parseParams(schema: z.ZodType, params: Record<string, string>): unknown {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new AppError("NOT_FOUND", "Not found.");
  return parsed.data;
}

function notAllowed(atPath: Endpoint[]): Handler {
  const allow = atPath.map((e) => e.method.toUpperCase()).join(", ");
  return async () =>
    Response.json(
      { error: { code: "BAD_REQUEST", message: `This address answers ${allow} only.` } },
      { status: 405, headers: { allow } },
    );
}
