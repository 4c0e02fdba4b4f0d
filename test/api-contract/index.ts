// Every API operation's contract calls, one line per resource (lib/api-v1/contract.db.test.ts requires one per operationId).
import { eventCalls } from "./events";
import type { ContractCalls } from "./fixture";
import { occurrenceCalls } from "./occurrences";
import { peopleCalls } from "./people";

export const contractCalls: Record<string, ContractCalls> = {
  ...eventCalls,
  ...occurrenceCalls,
  ...peopleCalls,
};

export { contractFixture, type Call, type ContractCalls, type ContractFixture } from "./fixture";
