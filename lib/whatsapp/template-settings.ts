import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { parseInput } from "@/lib/errors";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { DEFAULT_TEMPLATES } from "./outbound/templates";
import { TEMPLATE_KINDS, type TemplateKind } from "./template-preview";

const { messageTemplates } = schema;

export const SaveTemplateInput = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  /** Empty: use the default name again. */
  templateName: z
    .string()
    .trim()
    .max(512)
    .regex(/^[a-z0-9_]*$/, "Template names use lowercase letters, digits and _ only, as in WhatsApp Manager."),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "Use WhatsApp's language code, e.g. en, de or pt_BR."),
});
export type SaveTemplateInput = z.input<typeof SaveTemplateInput>;

export type TemplateSetting = { kind: TemplateKind; templateName: string; language: string; configured: boolean };

/** For each message kind, the approved template the organization mapped, or our default name. */
export async function listTemplateSettings(ctx: OrgContext): Promise<TemplateSetting[]> {
  assertCan(ctx, "organization.read");
  const rows = await getDb()
    .select({ kind: messageTemplates.kind, templateName: messageTemplates.templateName, language: messageTemplates.language })
    .from(messageTemplates)
    .where(eq(messageTemplates.organizationId, ctx.org.id));
  return TEMPLATE_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return row ? { kind, templateName: row.templateName, language: row.language, configured: true } : { kind, ...DEFAULT_TEMPLATES[kind], configured: false };
  });
}

/** Admin only. Maps a message kind to an approved template (an empty name goes back to the default), audited. */
export async function saveTemplateSetting(ctx: OrgContext, input: SaveTemplateInput): Promise<TemplateSetting> {
  assertCan(ctx, "organization.update");
  const { kind, templateName, language } = parseInput(SaveTemplateInput, input);
  return getDb().transaction(async (tx) => {
    if (templateName === "") {
      await tx.delete(messageTemplates).where(and(eq(messageTemplates.organizationId, ctx.org.id), eq(messageTemplates.kind, kind)));
    } else {
      await tx
        .insert(messageTemplates)
        .values({ organizationId: ctx.org.id, kind, templateName, language })
        .onConflictDoUpdate({
          target: [messageTemplates.organizationId, messageTemplates.kind],
          set: { templateName, language, updatedAt: new Date() },
        });
    }
    await writeAudit(tx, ctx, {
      action: "whatsapp.template_mapped",
      targetType: "organization",
      targetId: ctx.org.id,
      data: { kind, templateName: templateName || null, language },
    });
    return templateName === "" ? { kind, ...DEFAULT_TEMPLATES[kind], configured: false } : { kind, templateName, language, configured: true };
  });
}
