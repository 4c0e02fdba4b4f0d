import { and, desc, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { env } from "@/lib/env";
import { AppError, problem } from "@/lib/errors";
import { LOCALES, type Locale } from "@/lib/i18n";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { META_LANGUAGE_CODES } from "@/lib/whatsapp/outbound/templates";
import { TEMPLATE_PARAMETERS, TEMPLATE_PLACEHOLDERS, templateBody } from "@/lib/whatsapp/template-bodies";
import { TEMPLATE_KINDS, type TemplateKind } from "@/lib/whatsapp/template-preview";
import type { ChatLine } from "./chat-line";

// Embedded mode only: the participant's side of the conversation, as the simulator shows it. What we sent is read
// back from the outbox (the messages table keeps each message as it was posted), what they sent from its record.

const { attendances, messages } = schema;
const LINES = 12;

/** The newest messages between the organization and the participant of this attendance, oldest first. */
export async function listSimulatorChat(ctx: OrgContext, attendanceId: string): Promise<ChatLine[]> {
  if (env().mode !== "embedded") throw new AppError("PRECONDITION_FAILED", problem("simulator.embeddedOnly"));
  assertCan(ctx, "live.checkIn");
  const db = getDb();
  const [attendance] = await db
    .select({ participantId: attendances.participantId })
    .from(attendances)
    .where(and(eq(attendances.id, attendanceId), eq(attendances.organizationId, ctx.org.id)));
  if (!attendance) throw new AppError("NOT_FOUND", problem("attendance.notFound"));
  const rows = await db
    .select({ id: messages.id, direction: messages.direction, kind: messages.kind, type: messages.type, body: messages.body, createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.organizationId, ctx.org.id), eq(messages.participantId, attendance.participantId)))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(LINES);
  return rows.reverse().map((row) => ({ id: row.id, at: row.createdAt.toISOString(), ...chatContent(row) }));
}

type Row = { direction: "inbound" | "outbound"; kind: string; type: string; body: Record<string, unknown> | null };
type Json = Record<string, unknown>;

const asObject = (value: unknown): Json => (value && typeof value === "object" ? (value as Json) : {});
const asText = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** One stored message (the Messages API body we posted, or what the webhook recorded) as the phone would show it. */
export function chatContent({ direction, kind, type, body }: Row): Omit<ChatLine, "id" | "at"> {
  const b = asObject(body);
  if (direction === "inbound") {
    if (type === "text") return { from: "them", kind: "text", text: asText(b.text) ?? "" };
    if (type === "button" || type === "interactive") return { from: "them", kind: "tap", text: asText(b.title) ?? "" };
    if (type === "location") return { from: "them", kind: "location" };
    return { from: "them", kind: "other" };
  }
  if (b.type === "text") return { from: "us", kind: "text", text: asText(asObject(b.text).body) ?? "" };
  if (b.type === "interactive") {
    const interactive = asObject(b.interactive);
    const text = asText(asObject(interactive.body).text) ?? "";
    if (interactive.type === "location_request_message") return { from: "us", kind: "locationRequest", text };
    const buttons = (asObject(interactive.action).buttons as unknown[] | undefined) ?? [];
    return { from: "us", kind: "text", text, buttons: buttons.map((button) => asText(asObject(asObject(button).reply).title) ?? "") };
  }
  if (b.type === "template" && (TEMPLATE_KINDS as readonly string[]).includes(kind)) return templateLine(kind as TemplateKind, asObject(b.template));
  return { from: "us", kind: "other" };
}

/** A template as it reads when the organization approved our recommended wording in the template's language. */
function templateLine(kind: TemplateKind, template: Json): Omit<ChatLine, "id" | "at"> {
  const code = asText(asObject(template.language).code) ?? "";
  const components = (template.components as unknown[] | undefined)?.map(asObject) ?? [];
  const parameters = ((components.find((c) => c.type === "body")?.parameters as unknown[] | undefined) ?? []).map((p) => asText(asObject(p).text) ?? "");
  const values = { ...TEMPLATE_PLACEHOLDERS };
  TEMPLATE_PARAMETERS[kind].forEach((name, i) => {
    values[name] = parameters[i] ?? values[name];
  });
  const preview = templateBody(kind, localeOfCode(code), values);
  return { from: "us", kind: "template", text: preview.body, buttons: preview.buttons, template: { name: asText(template.name) ?? "", language: code } };
}

/** Our language for one of WhatsApp's codes ("pt_BR" → pt-BR, "en_US" → en), English for one we do not speak. */
function localeOfCode(code: string): Locale {
  const exact = LOCALES.find((l) => META_LANGUAGE_CODES[l] === code);
  return exact ?? LOCALES.find((l) => l.split("-")[0] === code.split("_")[0]) ?? "en";
}
