import { translatorFor } from "@/lib/i18n";
import { actionNoteText, storedNote, type ActionNote } from "./notes";

/** A note in English: the words of job logs and of errors a job raises (the timeline words the stored code itself). */
export function englishNote(note: ActionNote): string {
  return actionNoteText(translatorFor("en", "occurrences"), storedNote(note)) ?? note.code;
}
