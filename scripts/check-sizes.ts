// `npm run lint:sizes` (part of `npm test`): no product file over 300 lines, and no function over 80 lines outside
// React components. Small files and short functions are how this codebase stays easy to read; this keeps it so.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import ts from "typescript";

const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 80;

const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "app", "components", "lib", "db", "inngest"], {
  encoding: "utf8",
})
  .split("\n")
  .filter((file) => /\.(ts|tsx|mjs)$/.test(file) && !/\.test\.tsx?$/.test(file) && fs.existsSync(file));

const problems: string[] = [];
for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  if (lines > MAX_FILE_LINES) problems.push(`${file}: ${lines} lines (at most ${MAX_FILE_LINES})`);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body && !isReactComponent(node, file)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const length = end - start + 1;
      if (length > MAX_FUNCTION_LINES) problems.push(`${file}:${start + 1}: ${nameOf(node)} is ${length} lines (at most ${MAX_FUNCTION_LINES})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

// A component is a capitalized function in a .tsx file (JSX's rule for what renders as a component).
function isReactComponent(node: ts.SignatureDeclaration, file: string): boolean {
  return file.endsWith(".tsx") && /^[A-Z]/.test(nameOf(node));
}

function nameOf(node: ts.SignatureDeclaration): string {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return "(anonymous function)";
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`\n${problems.length} size problem(s): split the file or the function.`);
  process.exit(1);
}
console.log(`sizes: ${files.length} product files, each ≤ ${MAX_FILE_LINES} lines, functions ≤ ${MAX_FUNCTION_LINES} lines`);
