// Sentences written into domain code instead of a catalog (part of lib/i18n/catalogs.test.ts). Domain code refuses
// with keys of the `problems` namespace (lib/problems.ts), worded by each adapter in its reader's language; a literal
// given to an AppError or as a zod message would reach people in English whatever their language.
import ts from "typescript";
import type { SourceFile } from "./i18n-check";

/** zod checks and schema factories whose last argument may be a message. */
const ZOD_MESSAGE_CALLS = new Set([
  "min", "max", "length", "gt", "gte", "lt", "lte", "positive", "negative", "nonnegative", "nonpositive", "int",
  "multipleOf", "regex", "email", "url", "uuid", "guid", "date", "datetime", "time", "startsWith", "endsWith",
  "includes", "refine", "nonempty", "enum", "union", "literal", "number", "string", "array", "object", "boolean",
]);

/**
 * Files whose words are for programs or operators, never people in the app: the public API and its adapter, the
 * phone's point ingest, calendar feeds, Meta's webhook, the metrics scrape, the request bodies we build for Meta, the
 * settings read at start-up. They answer in English by design (docs/api.md). The live map and map tiles belong to
 * other work and keep their English for now.
 */
export const MACHINE_FACING = [
  /^lib\/env\.ts$/,
  /^lib\/whatsapp\/client\.ts$/,
  /^lib\/api-v1\//,
  /^lib\/adapters\/api-route\.ts$/,
  /^lib\/api-keys\/idempotency\.ts$/,
  /^lib\/tenant\/api-key-context\.ts$/,
  /^lib\/http\/(route|read-body)\.ts$/,
  /^lib\/tracking\/(ingest|link-context)\.ts$/,
  /^lib\/calendar\/serve\.ts$/,
  /^lib\/whatsapp\/inbound\/receive\.ts$/,
  /^lib\/whatsapp\/messages\.ts$/,
  /^lib\/health\//,
  /^lib\/live\//,
  /^lib\/map\//,
];

export function domainTextProblems(files: SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    if (MACHINE_FACING.some((pattern) => pattern.test(file.path))) continue;
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      const text = sentence(node);
      if (text !== null && isMessagePosition(node)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        problems.push(`${file.path}:${line + 1}: "${text.slice(0, 60)}" is said in code: use problem()/problemKey() with a key of the problems catalog`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return problems;
}

/** A string or template literal with words in it. */
function sentence(node: ts.Node): string | null {
  let text: string | null = null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
  else if (ts.isTemplateExpression(node)) text = node.head.text + node.templateSpans.map((s) => `{…}${s.literal.text}`).join("");
  return text !== null && /\p{L}{2,}\s+\p{L}/u.test(text) ? text : null;
}

/** An AppError's message, a zod check's message argument, or `message:`/`error:` in an options object. */
function isMessagePosition(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isNewExpression(parent) && parent.expression.getText() === "AppError") return parent.arguments?.[1] === node;
  if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
    const callee = parent.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : "";
    return ZOD_MESSAGE_CALLS.has(name) && parent.arguments.length > 0 && parent.arguments.at(-1) === node && name !== "literal";
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
    const key = parent.name.getText();
    return (key === "message" || key === "error") && ts.isObjectLiteralExpression(parent.parent) && ts.isCallExpression(parent.parent.parent);
  }
  return false;
}

/**
 * problem(key, values) calls whose values do not give every argument the key's English message uses (ICU would
 * fail on the missing one when worded), or give one it does not use.
 */
export function problemValueProblems(files: SourceFile[], messageArguments: (key: string) => string[] | null): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "problem") {
        const [key, values] = node.arguments;
        const expected = key && ts.isStringLiteralLike(key) ? messageArguments(`problems.${key.text}`) : null;
        const given = values === undefined ? [] : ts.isObjectLiteralExpression(values) ? values.properties.map((p) => p.name?.getText() ?? "") : null;
        if (expected && given && given.sort().join(",") !== expected.join(",")) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          problems.push(`${file.path}:${line + 1}: problem("${(key as ts.StringLiteral).text}") gives {${given.join(", ")}}, its message uses {${expected.join(", ")}}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return problems;
}
