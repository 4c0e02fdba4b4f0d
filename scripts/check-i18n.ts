// `npx tsx scripts/check-i18n.ts [paths…]`: the catalog checks of lib/i18n/catalogs.test.ts from the command line,
// with the literal-text check limited to the given paths (all of app/ and components/ when none are given).
import { catalogProblems } from "./i18n-check";
import { domainTextProblems } from "./i18n-domain";
import { literalProblems } from "./i18n-literals";
import { catalogs, keyProblems, productSources } from "./i18n-sources";

const paths = process.argv.slice(2);
const inScope = (path: string) => paths.length === 0 || paths.some((p) => path.startsWith(p.replace(/^\.\//, "")));
const problems = [
  ...catalogProblems(catalogs()),
  ...keyProblems(),
  ...literalProblems(productSources(["app", "components"]).filter((f) => inScope(f.path))),
  ...domainTextProblems(productSources(["lib", "app", "inngest"]).filter((f) => inScope(f.path))),
];
if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`\n${problems.length} problem(s)`);
  process.exit(1);
}
console.log("i18n: catalogs complete and used; no literal text in pages or components, no sentence in domain refusals");
