import { z } from "zod";
import { METADATA_MAX_KEYS } from "../schemas";

// Client-safe: the upload form checks the same limits before sending a file.

export const CSV_MAX_BYTES = 5 * 1024 * 1024;
export const CSV_MAX_ROWS = 20_000;

/** What a column of the file becomes. Several "name" columns (first name, last name) are joined with a space. */
export const CSV_TARGETS = ["name", "phone", "email", "guardianOf", "metadata", "ignore"] as const;
export const CsvTarget = z.enum(CSV_TARGETS);
export type CsvTarget = z.infer<typeof CsvTarget>;

export const CSV_TARGET_LABELS: Record<CsvTarget, string> = {
  name: "Name",
  phone: "Phone",
  email: "E-mail",
  guardianOf: "Guardian of",
  metadata: "Extra field",
  ignore: "Don't import",
};

/** One target per column of the file, in column order. */
export const CsvMapping = z
  .array(CsvTarget)
  .min(1, "The file has no columns.")
  .max(200, "The file has more than 200 columns.")
  .superRefine((mapping, issue) => {
    const count = (target: CsvTarget) => mapping.filter((t) => t === target).length;
    if (count("name") === 0) issue.addIssue({ code: "custom", message: "Choose the column with the names." });
    if (count("phone") !== 1) {
      issue.addIssue({ code: "custom", message: "Choose exactly one column with phone numbers." });
    }
    if (count("email") > 1) issue.addIssue({ code: "custom", message: "Choose at most one e-mail column." });
    if (count("guardianOf") > 1) {
      issue.addIssue({ code: "custom", message: "Choose at most one “Guardian of” column." });
    }
    if (count("metadata") > METADATA_MAX_KEYS) {
      issue.addIssue({ code: "custom", message: `Keep at most ${METADATA_MAX_KEYS} extra fields.` });
    }
  });
export type CsvMapping = z.infer<typeof CsvMapping>;

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export const CsvText = z
  .string()
  .min(1, "The file is empty.")
  .refine(
    (text) => text.length <= CSV_MAX_BYTES && utf8Length(text) <= CSV_MAX_BYTES,
    `The file is larger than ${CSV_MAX_BYTES / 1024 / 1024} MB. ` +
      "Split it into smaller files and import them one after another.",
  );

export const ImportInput = z.object({ eventId: z.uuid(), csvText: CsvText, mapping: CsvMapping });
export type ImportInput = z.infer<typeof ImportInput>;

export const ExportRosterInput = z.object({ eventId: z.uuid() });
