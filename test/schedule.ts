import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { translatorFor, type Locale } from "@/lib/i18n";
import { actionNoteText, type StoredActionNote } from "@/lib/schedule";
import type { FakeGraphBehaviour } from "@/test/fakes/graph-api-server";

// Test-only (imported after connectTestDatabase()): scheduled actions to run and what they left behind. The
// organization, occurrence and roster come from test/given.ts (`.action(kind)` makes an action there too).

const { attendances, messages, scheduledActions } = schema;

export type ActionKind = "confirmation" | "reminder" | "tracking_link" | "closure";
export type ActionOptions = { status?: "pending" | "running"; dueAt?: Date; participantId?: string; maxAttempts?: number };
export type TestAction = { row: typeof scheduledActions.$inferSelect; ref: { actionId: string; organizationId: string } };

/** A scheduled action as a claim leaves it (running, one attempt) unless told otherwise. */
export async function createAction(organizationId: string, instanceId: string, action: ActionKind, options: ActionOptions = {}): Promise<TestAction> {
  const running = (options.status ?? "running") === "running";
  const [row] = await getDb()
    .insert(scheduledActions)
    .values({
      organizationId,
      instanceId,
      action,
      participantId: options.participantId ?? null,
      dueAt: options.dueAt ?? new Date(),
      status: options.status ?? "running",
      attempts: running ? 1 : 0,
      claimedAt: running ? new Date() : null,
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    })
    .returning();
  return { row: row!, ref: { actionId: row!.id, organizationId } };
}

/** An action's row, with its note as an English reader of the timeline gets it (`note`). */
export async function actionRow(actionId: string) {
  const [row] = await getDb().select().from(scheduledActions).where(eq(scheduledActions.id, actionId));
  return { ...row!, note: noteIn("en", row!) };
}

/** A scheduled action's note (why it failed, was skipped or waits) as a reader of `locale` gets it on the timeline. */
export function noteIn(locale: Locale, row: StoredActionNote): string | null {
  return actionNoteText(translatorFor(locale, "occurrences"), row);
}

/** Puts an action back to running, as a new claim or an Inngest retry would find it. */
export async function setRunning(actionId: string) {
  await getDb().update(scheduledActions).set({ status: "running", completedAt: null }).where(eq(scheduledActions.id, actionId));
}

export async function messagesOf(actionId: string) {
  return getDb()
    .select()
    .from(messages)
    .where(eq(messages.scheduledActionId, actionId))
    .orderBy(asc(messages.createdAt));
}

export async function attendanceOf(organizationId: string, attendanceId: string) {
  const [row] = await getDb()
    .select()
    .from(attendances)
    .where(and(eq(attendances.id, attendanceId), eq(attendances.organizationId, organizationId)));
  return row!;
}

/**
 * Graph's 200 with a wamid unique across processes. The fake numbers its own wamids per server (wamid.fake.1, …),
 * which collide in the unique wamid index when several test files share one database. The body is read per request.
 */
export function okWithUniqueWamid(): FakeGraphBehaviour {
  return {
    kind: "body",
    status: 200,
    get body() {
      return JSON.stringify({ messaging_product: "whatsapp", contacts: [], messages: [{ id: `wamid.test.${randomUUID()}` }] });
    },
  };
}
