import { z } from "zod";
import { problem, problemKey, type Problem } from "@/lib/problems";
import { METADATA_MAX_KEYS } from "../schemas";

// Client-safe: the upload form checks the same limits before sending a file.

export const CSV_MAX_BYTES = 5 * 1024 * 1024;
export const CSV_MAX_ROWS = 20_000;

/** What a column of the file becomes. Several "name" columns (first name, last name) are joined with a space. */
export const CSV_TARGETS = ["name", "phone", "email", "guardianOf", "language", "metadata", "ignore"] as const;
export const CsvTarget = z.enum(CSV_TARGETS);
export type CsvTarget = z.infer<typeof CsvTarget>;

/** Why a mapping cannot be imported yet; the import page says it before anything is sent (mappingProblem). */
export type MappingProblem =
  | { problem: "noColumns" | "tooManyColumns" | "noName" | "phoneCount" }
  | { problem: "tooMany"; target: "email" | "guardianOf" | "language" }
  | { problem: "tooManyExtras"; max: number };

export function mappingProblems(mapping: readonly CsvTarget[]): MappingProblem[] {
  if (mapping.length === 0) return [{ problem: "noColumns" }];
  if (mapping.length > 200) return [{ problem: "tooManyColumns" }];
  const count = (target: CsvTarget) => mapping.filter((t) => t === target).length;
  const problems: MappingProblem[] = [];
  if (count("name") === 0) problems.push({ problem: "noName" });
  if (count("phone") !== 1) problems.push({ problem: "phoneCount" });
  for (const target of ["email", "guardianOf", "language"] as const) {
    if (count(target) > 1) problems.push({ problem: "tooMany", target });
  }
  if (count("metadata") > METADATA_MAX_KEYS) problems.push({ problem: "tooManyExtras", max: METADATA_MAX_KEYS });
  return problems;
}

/** A mapping problem as words: the same on the import page (in the browser) and in the server's refusal. */
export function mappingProblem(p: MappingProblem): Problem {
  switch (p.problem) {
    case "noColumns":
      return problem("csv.noColumns");
    case "tooManyColumns":
      return problem("csv.tooManyColumns");
    case "noName":
      return problem("csv.noName");
    case "phoneCount":
      return problem("csv.phoneCount");
    case "tooMany":
      return problem("csv.oneColumnOf", { target: p.target });
    case "tooManyExtras":
      return problem("csv.tooManyExtras", { maximum: p.max });
  }
}

/** One target per column of the file, in column order. */
export const CsvMapping = z.array(CsvTarget).superRefine((mapping, issue) => {
  for (const p of mappingProblems(mapping)) {
    const { key, values } = mappingProblem(p);
    issue.addIssue({ code: "custom", message: key, params: values });
  }
});
export type CsvMapping = z.infer<typeof CsvMapping>;

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export const CsvText = z
  .string()
  .min(1, problemKey("csv.empty"))
  .refine((text) => text.length <= CSV_MAX_BYTES && utf8Length(text) <= CSV_MAX_BYTES, {
    message: problemKey("csv.tooLarge"),
    params: { maximum: CSV_MAX_BYTES / 1024 / 1024 },
  });

export const ImportInput = z.object({ eventId: z.uuid(), csvText: CsvText, mapping: CsvMapping });
export type ImportInput = z.infer<typeof ImportInput>;

export const ExportRosterInput = z.object({ eventId: z.uuid() });
