import { eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { DAY, localFromNow } from "../events";
import type { ContractCalls, ContractFixture } from "./fixture";

const range = (days: number) => `from=${new Date().toISOString()}&to=${new Date(Date.now() + days * DAY).toISOString()}`;

async function setStatus(f: ContractFixture, index: number, status: "cancelled" | "completed") {
  const id = f.instances[index]!.id;
  await getDb().update(schema.eventInstances).set({ status }).where(eq(schema.eventInstances.id, id));
  return id;
}

export const occurrenceCalls: Record<string, ContractCalls> = {
  listOccurrences: {
    ok: (f) => ({ path: `/occurrences?${range(7)}&eventId=${f.event.id}` }),
    invalid: () => ({ path: `/occurrences?${range(400)}` }),
  },
  getOccurrence: { ok: (f) => ({ path: `/occurrences/${f.instance.id}` }) },
  cancelOccurrence: {
    ok: (f) => ({ path: `/occurrences/${f.instances[0]!.id}/cancel` }),
    errors: { PRECONDITION_FAILED: async (f) => ({ path: `/occurrences/${await setStatus(f, 1, "completed")}/cancel` }) },
  },
  moveOccurrence: {
    ok: (f) => ({ path: `/occurrences/${f.instances[0]!.id}/move`, body: { startsLocal: localFromNow(5 * DAY) } }),
    errors: {
      PRECONDITION_FAILED: async (f) => ({
        path: `/occurrences/${await setStatus(f, 1, "cancelled")}/move`,
        body: { startsLocal: localFromNow(5 * DAY) },
      }),
    },
  },
};
