import type { Translator } from "@/lib/i18n/translator-type";

// Client-safe. Why a scheduled action failed, was skipped or is waiting, stored as a code and its values
// (last_error_code, last_error_values) and worded when read: the timeline in the organizer's language, job logs in
// English. Rows written before the codes (drizzle/0017) have only last_error, an English sentence, shown as it is.

export const ACTION_NOTE_CODES = [
  "abandoned",
  "gave_up",
  "occurrence_cancelled",
  "occurrence_started",
  "opted_out",
  "whatsapp_not_set_up",
  "messages_failed",
  "messages_waiting",
  "messages_failed_and_waiting",
] as const;
export type ActionNoteCode = (typeof ACTION_NOTE_CODES)[number];

/** Counts (failed, waiting, recipients) or a technical detail in English (gave_up's error). */
export type ActionNoteValues = Record<string, string | number>;
export type ActionNote = { readonly code: ActionNoteCode; readonly values?: ActionNoteValues };

/** What a scheduled action's row keeps of its note. */
export type StoredActionNote = { lastErrorCode: string | null; lastErrorValues: ActionNoteValues | null; lastError: string | null };

const isCode = (code: string): code is ActionNoteCode => (ACTION_NOTE_CODES as readonly string[]).includes(code);

/** The columns that store a note (all null: no note). */
export function storedNote(note: ActionNote | null): StoredActionNote {
  return { lastErrorCode: note?.code ?? null, lastErrorValues: note?.values ?? null, lastError: null };
}

/** An action's note in the translator's language; a row from before the codes keeps its English sentence. */
export function actionNoteText(t: Translator<"occurrences">, row: StoredActionNote): string | null {
  if (row.lastErrorCode === null || !isCode(row.lastErrorCode)) return row.lastError;
  return t(`actionNotes.${row.lastErrorCode}`, { detail: "", failed: 0, waiting: 0, recipients: 0, ...row.lastErrorValues });
}
