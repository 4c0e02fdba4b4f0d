import { randomUUID } from "node:crypto";
import { createTestOrg } from "../database";
import { keyFor } from "../api";
import { given, type Given } from "../given";
import type { ErrorCode } from "@/lib/errors";

// The contract suite's fixture and the shape of each resource's calls (imported after connectTestDatabase()).

/**
 * An organization with a periodic event, occurrences in 1, 2 and 3 days and a fourth in 2 hours with three people;
 * a manager and a viewer key; and a key of another organization (for the 404 probe).
 */
export type ContractFixture = Given & { manager: string; viewer: string; outsider: string };

export async function contractFixture(): Promise<ContractFixture> {
  const t = await given.org().event({ kind: "periodic" }).occurrences([24, 48, 72]).occurrence({ startsInMinutes: 120 }).people(3);
  const outsider = await keyFor((await createTestOrg("Outsider")).owner, "manager");
  return { ...t, manager: await keyFor(t.owner, "manager"), viewer: await keyFor(t.owner, "viewer"), outsider };
}

/** One request: its path (with the query) and JSON body. */
export type Call = { path: string; body?: unknown };

/**
 * How the contract suite calls one operation: a request that succeeds, and for operations with a query (or a body
 * the generic `[]` probe does not break) one that fails validation; `errors` for refusals of its own (e.g. 412).
 */
export type ContractCalls = {
  ok: (f: ContractFixture) => Call | Promise<Call>;
  invalid?: (f: ContractFixture) => Call | Promise<Call>;
  errors?: Partial<Record<ErrorCode, (f: ContractFixture) => Call | Promise<Call>>>;
};

export const someId = () => randomUUID();
