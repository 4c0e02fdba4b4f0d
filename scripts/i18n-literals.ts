// User-facing text written into a page or component instead of a catalog (part of lib/i18n/catalogs.test.ts).
// Flags JSX text with letters, prose in JSX attributes, and prose string literals anywhere else in app/ and
// components/. Prose: a capitalized word followed by more words ("Save changes", "No one yet."), or any text with a
// space and a letter in a text attribute (placeholder, title, aria-label, alt, label, …).
import ts from "typescript";
import type { SourceFile } from "./i18n-check";

/** Names and symbols that read the same in every language. */
export const ALLOWED_TEXT = new Set(["Event-Coming", "WhatsApp", "MapLibre", "OpenStreetMap", "OSRM", "CSV", "API"]);

/** Attributes that never hold words for people. */
const TECHNICAL_ATTRIBUTES = new Set([
  "className", "style", "d", "viewBox", "points", "transform", "fill", "stroke", "href", "src", "id", "key", "name",
  "type", "role", "rel", "target", "method", "encType", "autoComplete", "inputMode", "pattern", "accept", "htmlFor",
  "form", "lang", "dir", "mode", "variant", "size", "tone", "as", "sizes", "crossOrigin", "referrerPolicy", "nonce",
  "value", "defaultValue", "min", "max", "step", "action", "formAction", "xmlns", "strokeLinecap", "strokeLinejoin",
  "fillRule", "clipRule", "colSpan", "rowSpan", "scope", "headers", "enterKeyHint", "capture", "download", "spellCheck",
]);
const TEXT_ATTRIBUTES = new Set(["placeholder", "title", "alt", "aria-label", "aria-description", "aria-placeholder", "aria-roledescription", "aria-valuetext", "label"]);

/** Object properties that hold words for people ({ label: "Name" }, metadata's { title: "Events" }). */
const TEXT_PROPERTIES = new Set(["label", "title", "header", "heading", "description", "placeholder", "text", "message", "hint", "emptyText", "caption", "summary", "help", "tooltip", "ariaLabel", "subtitle", "body"]);

const PROSE = /\p{Lu}[\p{Ll}'’]+(?:[,.!?:;…]*\s+|[,!?:;…]+)\p{L}|\p{L}[.!?…]$/u;
/** A catalog key ("live.notOpen.title"), not text. */
const KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;
const LETTER = /\p{L}/u;
/** Calls whose string arguments are for developers and logs, not for people. */
const DEVELOPER_CALLS = /^(logger\.\w+|console\.\w+|new Error|new TypeError|new RangeError|require|import|describe|it|test|expect|invariant|assert\w*)$/;

export function literalProblems(files: SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const kind = file.path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kind);
    const report = (node: ts.Node, text: string) => {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      problems.push(`${file.path}:${line + 1}: "${text.replace(/\s+/g, " ").trim().slice(0, 60)}" belongs in a catalog (lib/i18n/messages)`);
    };
    const visit = (node: ts.Node) => {
      const text = literalText(node);
      if (ts.isJsxText(node)) {
        if (LETTER.test(node.text) && !ALLOWED_TEXT.has(node.text.trim())) report(node, node.text);
      } else if (text !== null && isUserFacing(node, text)) {
        report(node, text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return problems;
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
  return null;
}

function isUserFacing(node: ts.Node, text: string): boolean {
  if (!LETTER.test(text) || ALLOWED_TEXT.has(text.trim()) || KEY.test(text)) return false;
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExpressionStatement(parent)) return false; // "use client"
  if (ts.isLiteralTypeNode(parent) || ts.isPropertyAssignment(parent) && parent.name === node) return false;
  if (ts.isElementAccessExpression(parent) || ts.isCaseClause(parent)) return false;
  if (ts.isBinaryExpression(parent) && /=/.test(parent.operatorToken.getText())) return false; // comparisons
  const attribute = enclosingAttribute(node);
  if (attribute) {
    const name = attribute.name.getText();
    if (TECHNICAL_ATTRIBUTES.has(name) || name.startsWith("data-")) return false;
    return TEXT_ATTRIBUTES.has(name) ? /\s/.test(text.trim()) || PROSE.test(text) || /^\p{Lu}/u.test(text) : PROSE.test(text);
  }
  if (isDeveloperArgument(node)) return false;
  if (ts.isPropertyAssignment(parent) && TEXT_PROPERTIES.has(parent.name.getText())) return /^\p{Lu}/u.test(text) || /\s/.test(text.trim());
  return PROSE.test(text);
}

function enclosingAttribute(node: ts.Node): ts.JsxAttribute | null {
  let current: ts.Node = node.parent;
  if (ts.isJsxExpression(current)) current = current.parent;
  return ts.isJsxAttribute(current) ? current : null;
}

function isDeveloperArgument(node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
      const callee = (ts.isNewExpression(parent) ? "new " : "") + parent.expression.getText();
      if (DEVELOPER_CALLS.test(callee)) return true;
    }
    if (ts.isStatement(parent) || ts.isJsxElement(parent)) return false;
  }
  return false;
}
