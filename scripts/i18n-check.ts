// The catalogs' checks (lib/i18n/catalogs.test.ts, part of `npm test`; `npx tsx scripts/check-i18n.ts [paths]` for
// one area): every locale has English's keys and ICU arguments, every key is used, and no user-facing literal text
// is written into a page or component instead of a catalog. Pure functions over file contents, so tests can feed them
// a deliberate mistake.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import ts from "typescript";

export type Catalog = { [key: string]: string | Catalog };
export type SourceFile = { path: string; text: string };

/** "a.b.c" → message, for every leaf. */
export function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The arguments and tags a message uses (`{count}`, `<strong>`), sorted: translations must use the same. */
export function icuArguments(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      names.add(el.type === TYPE.tag ? `<${el.value}>` : el.value);
      if (el.type === TYPE.tag) walk(el.children);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

/** Keys missing from or extra in a locale, messages ICU cannot parse, and translations whose arguments differ. */
export function catalogProblems(catalogs: Record<string, Catalog>, reference = "en"): string[] {
  const problems: string[] = [];
  const ref = flatten(catalogs[reference] ?? {});
  for (const [locale, catalog] of Object.entries(catalogs)) {
    const keys = flatten(catalog);
    for (const key of ref.keys()) if (!keys.has(key)) problems.push(`${locale}: missing key ${key}`);
    for (const [key, message] of keys) {
      if (!ref.has(key)) {
        problems.push(`${locale}: key ${key} is not in ${reference}`);
        continue;
      }
      let args: string[];
      try {
        args = icuArguments(message);
      } catch (error) {
        problems.push(`${locale}: ${key} is not a valid ICU message (${(error as Error).message})`);
        continue;
      }
      if (locale === reference) continue;
      const expected = safeArguments(ref.get(key)!);
      if (expected && args.join(",") !== expected.join(",")) {
        problems.push(`${locale}: ${key} uses {${args.join(", ")}}, ${reference} uses {${expected.join(", ")}}`);
      }
    }
  }
  return problems;
}

function safeArguments(message: string): string[] | null {
  try {
    return icuArguments(message);
  } catch {
    return null;
  }
}

// ---- keys the code uses --------------------------------------------------------------------------------------

const TRANSLATOR_FACTORIES = new Set(["useTranslations", "getTranslations", "translatorFor", "createTranslator"]);
const TRANSLATOR_METHODS = new Set(["rich", "markup", "raw", "has"]);
/** Functions that name a key for an adapter to word later (lib/problems.ts): `problem("events.notFound")`. */
const KEY_MARKERS: Record<string, string> = { problem: "problems", problemKey: "problems" };

export type KeyUse = { keys: Set<string>; families: Set<string> };

/** Every catalog key the files use: literal keys, and the prefixes of keys built at run time. */
export function usedKeys(files: SourceFile[]): KeyUse {
  const use: KeyUse = { keys: new Set(), families: new Set() };
  for (const file of files) collectKeys(parseSource(file), use);
  return use;
}

function parseSource(file: SourceFile): ts.SourceFile {
  const kind = file.path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kind);
}

function collectKeys(source: ts.SourceFile, use: KeyUse): void {
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = translatorCallee(node.expression);
      const namespace = callee && (namespaceOf(callee) ?? markerNamespace(node, callee));
      const arg = node.arguments[0];
      if (typeof namespace === "string" && arg) {
        const join = (key: string) => [namespace, key].filter(Boolean).join(".");
        if (ts.isStringLiteralLike(arg)) use.keys.add(join(arg.text));
        // t(`${code}.title`) in a namespace builds keys from the whole namespace.
        else if (ts.isTemplateExpression(arg)) use.families.add(join(arg.head.text.replace(/\.$/, "")));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** The namespace a key marker's call names its key in (`problem("k")` → "problems"), when the call is one. */
function markerNamespace(call: ts.CallExpression, callee: ts.Identifier): string | undefined {
  return call.expression === callee ? KEY_MARKERS[callee.text] : undefined;
}

/** `t` in t("k") and t.rich("k"). */
function translatorCallee(expression: ts.Expression): ts.Identifier | null {
  if (ts.isIdentifier(expression)) return expression;
  if (ts.isPropertyAccessExpression(expression) && TRANSLATOR_METHODS.has(expression.name.text) && ts.isIdentifier(expression.expression)) {
    return expression.expression;
  }
  return null;
}

/** The namespace of the translator an identifier names ("" for the root), or undefined when it is not one. */
function namespaceOf(identifier: ts.Identifier): string | undefined {
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    const found = declaredIn(scope, identifier.text);
    if (found !== undefined) return found ?? undefined;
  }
  return undefined;
}

/** In this scope: the translator's namespace, null when the name is declared as something else, undefined if absent. */
function declaredIn(scope: ts.Node, name: string): string | null | undefined {
  if (ts.isFunctionLike(scope)) {
    for (const param of scope.parameters) {
      if (ts.isIdentifier(param.name) && param.name.text === name) return typedNamespace(param.type);
    }
  }
  let result: string | null | undefined;
  const statements = ts.isSourceFile(scope) || ts.isBlock(scope) ? scope.statements : [];
  for (const statement of statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (ts.isIdentifier(decl.name) && decl.name.text === name) result = factoryNamespace(decl.initializer) ?? typedNamespace(decl.type);
    }
  }
  return result;
}

/** `Translator<"ns">` → "ns". */
function typedNamespace(type: ts.TypeNode | undefined): string | null {
  if (!type || !ts.isTypeReferenceNode(type) || type.typeName.getText() !== "Translator") return null;
  const arg = type.typeArguments?.[0];
  return arg && ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal) ? arg.literal.text : null;
}

/** useTranslations("ns"), await getTranslations("ns" | { namespace: "ns" }), translatorFor(locale, "ns"), … */
function factoryNamespace(initializer: ts.Expression | undefined): string | null {
  let expr = initializer;
  while (expr && (ts.isAwaitExpression(expr) || ts.isParenthesizedExpression(expr))) expr = expr.expression;
  if (!expr || !ts.isCallExpression(expr) || !ts.isIdentifier(expr.expression)) return null;
  if (!TRANSLATOR_FACTORIES.has(expr.expression.text)) return null;
  const args = expr.expression.text === "translatorFor" ? expr.arguments.slice(1) : expr.arguments;
  const first = args[0];
  if (!first) return "";
  if (ts.isStringLiteralLike(first)) return first.text;
  if (ts.isObjectLiteralExpression(first)) {
    const ns = first.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === "namespace");
    if (ns && ts.isPropertyAssignment(ns) && ts.isStringLiteralLike(ns.initializer)) return ns.initializer.text;
    return "";
  }
  return null;
}

/** Catalog keys no code uses, built keys whose family is not declared, and declared families nothing builds. */
export function usageProblems(reference: Catalog, use: KeyUse, declaredFamilies: readonly string[]): string[] {
  const problems: string[] = [];
  const declared = new Set(declaredFamilies);
  for (const family of use.families) {
    if (!declared.has(family)) problems.push(`key family ${family}.* is built at run time but not declared in lib/i18n/key-families.ts`);
  }
  for (const family of declared) if (!use.families.has(family)) problems.push(`key family ${family}.* is declared but no code builds keys from it`);
  const inFamily = (key: string) => [...declared].some((f) => key.startsWith(`${f}.`));
  const keys = flatten(reference);
  for (const key of keys.keys()) if (!use.keys.has(key) && !inFamily(key)) problems.push(`unused key ${key}`);
  for (const key of use.keys) if (!keys.has(key) && !inFamily(key)) problems.push(`missing key ${key} (used in code)`);
  return problems;
}
