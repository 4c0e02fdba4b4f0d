import { z } from "zod";
import {
  createDocument,
  type ZodObjectInput,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";
import type { Endpoint } from "./endpoint";
import { errorsOf } from "./errors";
import { ApiErrorBody } from "./schemas";

const IdempotencyKey = z.object({
  "Idempotency-Key": z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({
      description:
        "Any unique string (a UUID is ideal). A retry with the same key and body gets the first answer again, with " +
        "`Idempotent-Replayed: true`; the same key with another body is a 409. Kept for 24 hours.",
      example: "5f0e9a5c-8d3e-4c1b-a7f2-2b9d6e4c1a30",
    }),
});

const RetryAfter = z.object({
  "Retry-After": z.string().meta({ description: "Seconds to wait before trying again.", example: "12" }),
});

const DESCRIPTION = [
  "The Event-Coming REST API: the same events, occurrences and people as the app, for your own systems.",
  "Authenticate with an API key from Settings → API keys: `Authorization: Bearer ec_…`. A key acts with its role,",
  "never more than the member who made it. Errors are `{ \"error\": { \"code\", \"message\", \"fields\"? } }`. Lists are",
  "paged with `limit` and `cursor` (`{ \"data\": [...], \"nextCursor\" }`). Every POST takes an `Idempotency-Key`.",
].join(" ");

function responsesOf(endpoint: Endpoint): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {
    [String(endpoint.response.status)]: {
      description: endpoint.response.description,
      content: { "application/json": { schema: endpoint.response.schema, example: endpoint.response.example } },
      ...(endpoint.method === "post"
        ? { headers: z.object({ "Idempotent-Replayed": z.literal("true").optional().meta({ description: "This is a replay of the first answer to this Idempotency-Key." }) }) }
        : {}),
    },
  };
  for (const error of errorsOf(endpoint)) {
    responses[String(error.status) as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: error.description,
      content: { "application/json": { schema: ApiErrorBody, example: error.example } },
      ...(error.code === "RATE_LIMITED" ? { headers: RetryAfter } : {}),
    };
  }
  return responses;
}

function operationOf(endpoint: Endpoint): ZodOpenApiOperationObject {
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: endpoint.description,
    requestParams: {
      ...(endpoint.params ? { path: endpoint.params as ZodObjectInput } : {}),
      ...(endpoint.query ? { query: endpoint.query as ZodObjectInput } : {}),
      ...(endpoint.method === "post" ? { header: IdempotencyKey } : {}),
    },
    ...(endpoint.body
      ? { requestBody: { required: true, content: { "application/json": { schema: endpoint.body, example: endpoint.bodyExample } } } }
      : {}),
    responses: responsesOf(endpoint),
  };
}

/** The OpenAPI 3.1 document of these endpoints, generated from the zod schemas their routes parse with. */
export function buildDocument(endpoints: readonly Endpoint[]) {
  const paths: ZodOpenApiPathsObject = {};
  for (const endpoint of endpoints) {
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method]: operationOf(endpoint) };
  }
  const tags = [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name }));
  return createDocument({
    openapi: "3.1.0",
    info: { title: "Event-Coming API", version: "1.0.0", description: DESCRIPTION },
    // Relative to where this document is served (/api/v1/openapi.json): never built from a request's Host.
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    tags,
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", bearerFormat: "ec_…", description: "An API key from Settings → API keys." },
      },
    },
  });
}
