import { describe, expect, it } from "vitest";
import { catalogProblems, flatten, icuArguments, usageProblems, usedKeys } from "@/scripts/i18n-check";
import { domainTextProblems, problemValueProblems } from "@/scripts/i18n-domain";
import { literalProblems } from "@/scripts/i18n-literals";
import { catalogs, keyProblems, productSources } from "@/scripts/i18n-sources";

// The four catalogs against the code, as `npm test` runs it. Each check is also shown failing on a small mistake,
// so a green run means the catalogs are complete, not that the check saw nothing.

describe("the catalogs", () => {
  it("have every English key in every locale, with the same ICU arguments, and no others", () => {
    expect(catalogProblems(catalogs())).toEqual([]);
  });

  it("hold no key the code does not use, and the code uses no key they lack", () => {
    expect(keyProblems()).toEqual([]);
  });

  it("leave no user-facing literal text in pages or components", () => {
    expect(literalProblems(productSources(["app", "components"]))).toEqual([]);
  });

  it("leave no sentence in domain refusals: AppError and zod messages name keys of the problems catalog", () => {
    expect(domainTextProblems(productSources(["lib", "app", "inngest"]))).toEqual([]);
  });

  it("give each problem the values its message uses, no more and no fewer", () => {
    const english = flatten(catalogs().en!);
    const argumentsOf = (key: string) => (english.has(key) ? icuArguments(english.get(key)!) : null);
    expect(problemValueProblems(productSources(["lib", "app", "components", "inngest"]), argumentsOf)).toEqual([]);
  });
});

describe("the checks catch", () => {
  const en = { live: { title: "Live map", people: "{count, plural, one {# person} other {# people}}" } };

  it("a missing key, an extra key, a broken message and a changed argument", () => {
    const problems = catalogProblems({
      en,
      de: { live: { title: "Live-Karte", people: "{anzahl, plural, one {# Person} other {# Personen}}", extra: "x" } },
      es: { live: { people: "{count, plural, one {# persona} other {# personas}" } },
    });
    expect(problems).toEqual([
      "de: live.people uses {anzahl}, en uses {count}",
      "de: key live.extra is not in en",
      "es: missing key live.title",
      expect.stringMatching(/^es: live\.people is not a valid ICU message/),
    ]);
  });

  it("an unused key, a key the code lacks, and an undeclared family of built keys", () => {
    const use = usedKeys([
      {
        path: "components/live/x.tsx",
        text: `const t = useTranslations("live");
               export function A({ j }) { return <p>{t("title")}{t("subtitle")}{t(\`journey.\${j}\`)}</p>; }`,
      },
    ]);
    expect(usageProblems(en, use, [])).toEqual([
      "key family live.journey.* is built at run time but not declared in lib/i18n/key-families.ts",
      "unused key live.people",
      "missing key live.subtitle (used in code)",
    ]);
  });

  it("keys through translators from getTranslations, translatorFor and a typed parameter", () => {
    const use = usedKeys([
      {
        path: "lib/x.ts",
        text: `async function a() { const t = await getTranslations({ locale, namespace: "live" }); t("title"); }
               function b() { const w = translatorFor(locale, "whatsapp"); w.rich("hello", {}); }
               function c(t: Translator<"live">) { return t("people", { count: 2 }); }
               function d(t) { return t("nope"); }`,
      },
    ]);
    expect([...use.keys].sort()).toEqual(["live.people", "live.title", "whatsapp.hello"]);
  });

  it("keys named through problem() and problemKey(), and sentences given to an AppError or as a zod message", () => {
    const file = {
      path: "lib/events/x.ts",
      text: `const Title = z.string().min(1, problemKey("events.titleMissing")).max(120, "Use at most 120 characters.");
             const Kind = z.enum(KINDS, { error: "Choose one-off or recurring." });
             function a(tx) { if (!tx) throw new AppError("NOT_FOUND", problem("events.notFound")); }
             function b(name) { throw new AppError("CONFLICT", \`\${name} is taken already.\`); }
             function c(t) { throw new AppError("CONFLICT", t("errors.taken")); }`,
    };
    expect([...usedKeys([file]).keys].sort()).toEqual(["problems.events.notFound", "problems.events.titleMissing"]);
    expect(domainTextProblems([file]).map((p) => p.replace(/ is said in code.*/, ""))).toEqual([
      'lib/events/x.ts:1: "Use at most 120 characters."',
      'lib/events/x.ts:2: "Choose one-off or recurring."',
      'lib/events/x.ts:4: "{…} is taken already."',
    ]);
    expect(domainTextProblems([{ ...file, path: "lib/api-v1/x.ts" }])).toEqual([]);
    const values = { path: "lib/members/x.ts", text: `problem("members.lastOwner"); problem("members.alreadyMember", { email, org });` };
    const args: Record<string, string[]> = { "problems.members.lastOwner": ["change"], "problems.members.alreadyMember": ["email", "organization"] };
    expect(problemValueProblems([values], (key) => args[key] ?? null)).toEqual([
      'lib/members/x.ts:1: problem("members.lastOwner") gives {}, its message uses {change}',
      'lib/members/x.ts:1: problem("members.alreadyMember") gives {email, org}, its message uses {email, organization}',
    ]);
  });

  it("literal text in JSX, in text attributes and in prose strings, but not technical strings", () => {
    const problems = literalProblems([
      {
        path: "components/x.tsx",
        text: `"use client";
               import { a } from "b";
               const columns = [{ key: "name", label: "Name" }];
               export function X() {
                 logger.info("Loaded the page now");
                 return (
                   <div className="flex gap-2" data-state="open">
                     <h1>Live map</h1>
                     <input placeholder="e.g. Berlin" type="text" aria-label={"Search people"} />
                     <p>{count} · {t("ok")} {t("notOpen.title")}</p>
                     <Button onClick={() => alert("Are you sure?")}>{"Save changes"}</Button>
                     <span>WhatsApp</span>
                   </div>
                 );
               }`,
      },
    ]);
    expect(problems.map((p) => p.replace(/ belongs.*/, ""))).toEqual([
      'components/x.tsx:3: "Name"',
      'components/x.tsx:8: "Live map"',
      'components/x.tsx:9: "e.g. Berlin"',
      'components/x.tsx:9: "Search people"',
      'components/x.tsx:11: "Are you sure?"',
      'components/x.tsx:11: "Save changes"',
    ]);
  });
});
