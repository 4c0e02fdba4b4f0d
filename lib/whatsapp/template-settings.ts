import { and, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { parseInput, problemKey } from "@/lib/errors";
import { LOCALES, toLocale, translatorFor, type Locale } from "@/lib/i18n";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { formatStart } from "./format";
import { chooseTemplate, defaultTemplate } from "./outbound/templates";
import { templateBody } from "./template-bodies";
import {
  TEMPLATE_KINDS,
  type TemplateKind,
  type TemplateLanguage,
  type TemplatePreview,
  type TemplateSetting,
} from "./template-preview";

export type { TemplateLanguage, TemplateSetting };

const { messageTemplates, participants } = schema;

export const SaveTemplateInput = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  /** The participants' language this template is for. */
  locale: z.enum(LOCALES),
  /** Empty: no template of its own for this language (the default name, or the organization's language's). */
  templateName: z
    .string()
    .trim()
    .max(512)
    .regex(/^[a-z0-9_]*$/, problemKey("whatsapp.templateName")),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, problemKey("whatsapp.languageCode")),
});
export type SaveTemplateInput = z.input<typeof SaveTemplateInput>;

// What the settings preview fills the templates with: a Monday-morning start, in UTC (the zone is not shown).
const SAMPLE_START = new Date(Date.UTC(2030, 0, 7, 7, 30));

/**
 * For each language, the template each message kind goes out with, and how it reads: the organization's language
 * first, then the others in use (its participants' languages, and any a template is still mapped to), then the rest.
 */
export async function listTemplateSettings(ctx: OrgContext): Promise<TemplateLanguage[]> {
  assertCan(ctx, "organization.read");
  const organizationLocale = toLocale(ctx.org.language);
  const db = getDb();
  const [rows, spoken] = await Promise.all([
    db
      .select({ kind: messageTemplates.kind, locale: messageTemplates.locale, templateName: messageTemplates.templateName, language: messageTemplates.language })
      .from(messageTemplates)
      .where(eq(messageTemplates.organizationId, ctx.org.id)),
    db
      .select({ language: sql<string>`coalesce(${participants.language}, ${organizationLocale})`, people: count() })
      .from(participants)
      .where(eq(participants.organizationId, ctx.org.id))
      .groupBy(sql`1`),
  ]);
  const people = new Map(spoken.map((s) => [toLocale(s.language, organizationLocale), s.people]));
  const isInUse = (l: Locale) => l === organizationLocale || people.has(l) || rows.some((r) => r.locale === l);
  const ordered = [organizationLocale, ...LOCALES.filter((l) => l !== organizationLocale && isInUse(l)), ...LOCALES.filter((l) => !isInUse(l))];
  return ordered.map((locale) => ({
    locale,
    isOrganization: locale === organizationLocale,
    inUse: isInUse(locale),
    participants: people.get(locale) ?? 0,
    templates: TEMPLATE_KINDS.map((kind) => {
      const forKind = rows.filter((r) => r.kind === kind);
      return settingFor(kind, locale, organizationLocale, forKind);
    }),
  }));
}

function settingFor(kind: TemplateKind, locale: Locale, organizationLocale: Locale, rows: { locale: string; templateName: string; language: string }[]): TemplateSetting {
  const own = rows.find((r) => r.locale === locale);
  const used = chooseTemplate(rows, kind, locale, organizationLocale);
  return {
    kind,
    templateName: used.templateName,
    language: used.language,
    configured: Boolean(own),
    fallbackLocale: !own && locale !== organizationLocale ? organizationLocale : null,
    suggestedLanguage: own?.language ?? defaultTemplate(kind, locale).language,
    preview: previewIn(kind, locale),
  };
}

function previewIn(kind: TemplateKind, locale: Locale): TemplatePreview {
  const t = translatorFor(locale, "whatsappTemplates");
  return templateBody(kind, locale, {
    name: t("sample.name"),
    event: t("sample.event"),
    start: formatStart(SAMPLE_START, "UTC", locale),
    venue: t("sample.venue"),
  });
}

/**
 * Admin only. Maps a message kind, for participants of one language, to an approved template (an empty name removes
 * it: the default name, or the organization's language's template, is used again), audited.
 */
export async function saveTemplateSetting(ctx: OrgContext, input: SaveTemplateInput): Promise<{ configured: boolean }> {
  assertCan(ctx, "organization.update");
  const { kind, locale, templateName, language } = parseInput(SaveTemplateInput, input);
  const mine = and(eq(messageTemplates.organizationId, ctx.org.id), eq(messageTemplates.kind, kind), eq(messageTemplates.locale, locale));
  return getDb().transaction(async (tx) => {
    if (templateName === "") {
      await tx.delete(messageTemplates).where(mine);
    } else {
      await tx
        .insert(messageTemplates)
        .values({ organizationId: ctx.org.id, kind, locale, templateName, language })
        .onConflictDoUpdate({
          target: [messageTemplates.organizationId, messageTemplates.kind, messageTemplates.locale],
          set: { templateName, language, updatedAt: new Date() },
        });
    }
    await writeAudit(tx, ctx, {
      action: "whatsapp.template_mapped",
      targetType: "organization",
      targetId: ctx.org.id,
      data: { kind, locale, templateName: templateName || null, language },
    });
    return { configured: templateName !== "" };
  });
}
