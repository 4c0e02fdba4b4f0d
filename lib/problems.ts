import type { z } from "zod";
import type { Translator } from "@/lib/i18n/translator-type";

// Client-safe. What domain code tells people when it refuses something is a key of the catalogs' `problems`
// namespace (lib/i18n/messages), never a sentence in code: a schema names a key as its zod message (or relies on
// the wording of zod's issue kinds below), a domain throws an AppError with a problem, and each adapter words it
// once in its reader's language — runAction in the request's, the public API in English, a component in the
// browser's (say, errorWords).

type ProblemTranslator = Translator<"problems">;

/** A message key of the `problems` namespace, e.g. "events.titleMissing"; tsc rejects a key the catalog lacks. */
export type ProblemKey = Parameters<ProblemTranslator>[0];
/** ICU arguments of a problem's message; numbers and dates are formatted in the reader's locale. */
export type ProblemValues = Record<string, string | number | Date>;
export type Problem = { readonly key: ProblemKey; readonly values?: ProblemValues };
/** What an error tells a person: a problem to be worded by the adapter, or words already in the reader's language. */
export type Words = Problem | string;

/** A problem for an AppError or one of its fields: `problem("members.lastOwner", { change: "remove" })`. */
export function problem(key: ProblemKey, values?: ProblemValues): Problem {
  return values ? { key, values } : { key };
}

/**
 * A problem key as a zod message: `.max(1440, problemKey("events.durationTooLong"))`. The issue's own numbers
 * (`minimum`, `maximum`) and a refinement's `params` become the message's values.
 */
export function problemKey(key: ProblemKey): ProblemKey {
  return key;
}

/** Words in the translator's language. */
export function say(t: ProblemTranslator, words: Words): string {
  return typeof words === "string" ? words : t(words.key, words.values);
}

/**
 * zod's safeParse, an issue the schema names no message for worded by its kind ("Use at most 120 characters."):
 * what every parse of input from people goes through (parseInput, the action builders).
 */
export function safeParseWithProblems<T extends z.ZodType>(schema: T, input: unknown): z.ZodSafeParseResult<z.output<T>> {
  return schema.safeParse(input, { error: (issue) => defaultKey(issue as z.core.$ZodIssue) }) as z.ZodSafeParseResult<z.output<T>>;
}

// A message that is one of our keys; any other was given as it is (or is zod's English, from a parse without ours).
const KEY_SHAPE = /^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+$/;

/** One zod issue as words: its key with the issue's numbers as values, or the message it was given. */
export function issueWords(issue: z.core.$ZodIssue): Words {
  if (!KEY_SHAPE.test(issue.message)) return issue.message;
  const values = issueValues(issue);
  const key = issue.message as ProblemKey;
  return Object.keys(values).length > 0 ? { key, values } : { key };
}

function issueValues(issue: z.core.$ZodIssue): ProblemValues {
  switch (issue.code) {
    case "too_small":
      return { minimum: Number(issue.minimum) };
    case "too_big":
      return { maximum: Number(issue.maximum) };
    case "not_multiple_of":
      return { divisor: issue.divisor };
    case "invalid_value":
      return { options: issue.values.map(String).join(", ") };
    case "unrecognized_keys":
      return { keys: issue.keys.join(", ") };
    case "custom":
      return Object.fromEntries(
        Object.entries(issue.params ?? {}).filter(([, v]) => typeof v === "string" || typeof v === "number" || v instanceof Date),
      ) as ProblemValues;
    default:
      return {};
  }
}

/** zod's issue kinds, mapped once to our words, for a field whose schema names no key of its own. */
function defaultKey(issue: z.core.$ZodIssue): ProblemKey {
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int") return problemKey("input.wholeNumber");
      if (issue.expected === "number" || issue.expected === "bigint") return problemKey("input.number");
      return issue.expected === "date" ? problemKey("input.date") : problemKey("input.invalid");
    case "too_small":
      return smallKey(issue);
    case "too_big":
      return bigKey(issue);
    case "invalid_format":
      return formatKey(issue.format);
    case "invalid_value":
      return problemKey("input.option");
    case "unrecognized_keys":
      return problemKey("input.unknownFields");
    case "not_multiple_of":
      return problemKey("input.multipleOf");
    default:
      return problemKey("input.invalid");
  }
}

function smallKey(issue: z.core.$ZodIssueTooSmall): ProblemKey {
  if (issue.origin === "string") return Number(issue.minimum) <= 1 ? problemKey("input.required") : problemKey("input.tooShort");
  if (issue.origin === "array" || issue.origin === "set") return problemKey("input.tooFew");
  return issue.inclusive === false ? problemKey("input.moreThan") : problemKey("input.atLeast");
}

function bigKey(issue: z.core.$ZodIssueTooBig): ProblemKey {
  if (issue.origin === "string") return problemKey("input.tooLong");
  if (issue.origin === "array" || issue.origin === "set") return problemKey("input.tooMany");
  return issue.inclusive === false ? problemKey("input.lessThan") : problemKey("input.atMost");
}

function formatKey(format: string): ProblemKey {
  if (format === "email") return problemKey("input.email");
  if (format === "url") return problemKey("input.url");
  if (format === "uuid" || format === "guid") return problemKey("input.id");
  if (format === "datetime") return problemKey("input.dateTime");
  return format === "date" ? problemKey("input.isoDate") : problemKey("input.format");
}
