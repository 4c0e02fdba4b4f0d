import { domainTextProblems } from "./i18n-domain";
import { productSources } from "./i18n-sources";
const p = domainTextProblems(productSources(["lib", "app", "inngest"]));
console.log(p.join("\n")); console.log(p.length);
