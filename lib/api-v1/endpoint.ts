import type { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import type { Capability, OrgContext } from "@/lib/tenant";

export type HttpMethod = "get" | "post" | "patch" | "delete";

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * One operation of the API, which drives both its route (lib/api-v1/routes.ts) and its part of the OpenAPI document
 * (document.ts): the same zod schemas parse the request and describe it.
 */
export type EndpointSpec<P, Q, B, R extends z.ZodType> = {
  method: HttpMethod;
  /** OpenAPI form, e.g. `/events/{eventId}`; the route folder is `app/api/v1/events/[eventId]`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  capability: Capability;
  /** Path parameters: ids that do not parse are NOT_FOUND, like ids of another organization. */
  params?: P;
  query?: Q;
  body?: B;
  /** A request body as a client would send it, shown in the reference. */
  bodyExample?: unknown;
  /** The body cap while streaming (default 1 MiB). */
  maxBodyBytes?: number;
  response: { status: 200 | 201; description: string; schema: R; example: z.input<R> };
  /** Refusals of this operation beyond the ones every operation of its kind has (see errors.ts). */
  errors?: Partial<Record<ErrorCode, string>>;
  handler: (ctx: OrgContext, input: { params: Output<P>; query: Output<Q>; body: Output<B> }) => Promise<z.input<R>>;
};

export type Endpoint = EndpointSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined, z.ZodType>;

/** Declares an endpoint with its input types inferred from its schemas. */
export function defineEndpoint<
  R extends z.ZodType,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: EndpointSpec<P, Q, B, R>): Endpoint {
  return spec as unknown as Endpoint;
}
