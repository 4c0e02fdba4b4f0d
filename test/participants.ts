import { and, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";

// Test-only helpers for the participants domain's *.db.test.ts files. Organizations, events and occurrences come from
// test/given.ts, which writes them directly: these tests depend on nothing but the schema.

const { attendances } = schema;

export const NOT_GERMAN =
  "Not a valid phone number for Germany. For a number from another country, start with + and its country code.";

export async function attendancesOf(organizationId: string, participantId: string) {
  return getDb()
    .select()
    .from(attendances)
    .where(and(eq(attendances.organizationId, organizationId), eq(attendances.participantId, participantId)));
}

/** Kept under the name these suites use; the one implementation lives in db/test-helpers. */
export { rejection as refusal } from "@/test/database";
