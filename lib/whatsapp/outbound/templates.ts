import { and, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";

const { messageTemplates } = schema;

/** The message kinds a scheduled action sends: each is named after the action that sends it. */
export type OutboundKind = "confirmation" | "reminder" | "tracking_link" | "closure";

export type TemplateChoice = { templateName: string; language: string; configured: boolean };

/**
 * What an organization must have approved in WhatsApp Manager when it keeps our default names (language "en").
 * Body parameters are positional ({{1}}, {{2}}, …) and must match the approved template exactly.
 *   event_confirmation: body {{1}} name, {{2}} event, {{3}} start ("Mon 7 Jan, 07:30"), {{4}} venue;
 *                       quick replies 0 "Confirm", 1 "Decline", 2 "Stop messages".
 *   event_reminder:     body {{1}} name, {{2}} event, {{3}} start, {{4}} venue.
 *   event_tracking_link: body {{1}} name, {{2}} event, {{3}} start; URL button 0 with base URL "<APP_URL>/t/{{1}}".
 *   event_closure:      body {{1}} name, {{2}} event. Sent only when the organization configured it (a thank-you).
 */
export const DEFAULT_TEMPLATES: Record<OutboundKind, { templateName: string; language: string }> = {
  confirmation: { templateName: "event_confirmation", language: "en" },
  reminder: { templateName: "event_reminder", language: "en" },
  tracking_link: { templateName: "event_tracking_link", language: "en" },
  closure: { templateName: "event_closure", language: "en" },
};

/** The template the organization mapped to this kind, else our default name (marked not configured). */
export async function getTemplateChoice(organizationId: string, kind: OutboundKind): Promise<TemplateChoice> {
  const [row] = await getDb()
    .select({ templateName: messageTemplates.templateName, language: messageTemplates.language })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.organizationId, organizationId), eq(messageTemplates.kind, kind)));
  return row ? { ...row, configured: true } : { ...DEFAULT_TEMPLATES[kind], configured: false };
}
