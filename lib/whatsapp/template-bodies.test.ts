import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n";
import { META_LANGUAGE_CODES } from "./outbound/templates";
import { templateBody, TEMPLATE_PARAMETERS, TEMPLATE_PLACEHOLDERS } from "./template-bodies";
import { TEMPLATE_KINDS } from "./template-preview";

const docs = readFileSync(path.join(process.cwd(), "docs", "whatsapp-templates.md"), "utf8");

/** The doc's section of one language: from its heading to the next. */
const sectionOf = (heading: string) => docs.slice(docs.indexOf(`## ${heading}`)).split(/\n## /)[0]!;

describe("the template bodies to submit to Meta", () => {
  it.each(LOCALES)("docs/whatsapp-templates.md lists %s's, as the catalog words them", (locale) => {
    const section = sectionOf(`${LOCALE_NAMES[locale]} (\`${META_LANGUAGE_CODES[locale]}\`)`);
    expect(section.length).toBeGreaterThan(100);
    for (const kind of TEMPLATE_KINDS) {
      const { body, buttons } = templateBody(kind, locale, TEMPLATE_PLACEHOLDERS);
      expect(section).toContain(`| ${body} |`);
      if (buttons.length > 0) expect(section).toContain(buttons.join(" · "));
    }
  });

  it.each(LOCALES)("%s: uses each placeholder it is sent, once, and neither starts nor ends with one (Meta refuses that)", (locale) => {
    for (const kind of TEMPLATE_KINDS) {
      const { body, buttons } = templateBody(kind, locale, TEMPLATE_PLACEHOLDERS);
      const used = [...body.matchAll(/\{\{(\d)\}\}/g)].map((m) => Number(m[1])).sort();
      expect(used).toEqual(TEMPLATE_PARAMETERS[kind].map((_, i) => i + 1));
      expect(body).not.toMatch(/^\{\{|\}\}$/);
      // WhatsApp's limits: quick replies 20 characters, URL buttons 25.
      for (const button of buttons) expect(button.length).toBeLessThanOrEqual(kind === "tracking_link" ? 25 : 20);
    }
  });
});
