// Client-safe: audit entries in the reader's words for the activity list (the "settings.audit" catalog keys).
import type { createFormatter } from "next-intl";
import type { Translator } from "@/lib/i18n";

type Entry = { action: string; data: Record<string, unknown> };
type Formatter = ReturnType<typeof createFormatter>;

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** A changed setting's name; a key this list does not know (a newer client's) is shown as stored. */
function settingLabel(t: Translator<"settings">, key: string): string {
  switch (key) {
    case "name":
      return t("audit.fields.name");
    case "type":
      return t("audit.fields.type");
    case "timeZone":
      return t("audit.fields.timeZone");
    case "defaultCountry":
      return t("audit.fields.defaultCountry");
    case "language":
      return t("audit.fields.language");
    case "whatsappPhoneNumberId":
      return t("audit.fields.whatsappPhoneNumberId");
    case "locationRetentionDays":
      return t("audit.fields.locationRetentionDays");
    default:
      return key;
  }
}

/** "2026-09-01" → "Sep 1, 2026" in the reader's locale; anything else as stored. */
function day(format: Formatter, value: unknown): string {
  const text = str(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? format.dateTime(new Date(`${text}T00:00:00Z`), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
    : text;
}

function describeSettings(t: Translator<"settings">, format: Formatter, data: Record<string, unknown>): string {
  const keys = Object.keys(data);
  if (keys.length === 0) return t("audit.settingsUnchanged");
  return t("audit.settingsChanged", { settings: format.list(keys.map((key) => settingLabel(t, key)), { type: "conjunction" }) });
}

/** Outbound webhooks' entries, in their own catalog namespace; null for any other action. */
function describeWebhookEntry(w: Translator<"webhooks">, { action, data }: Entry): string | null {
  const url = str(data.url);
  switch (action) {
    case "webhook.endpoint_created":
      return w("audit.created", { url });
    case "webhook.endpoint_updated":
      return w("audit.updated", { url });
    case "webhook.secret_rotated":
      return w("audit.rotated", { url });
    case "webhook.endpoint_disabled":
      return w("audit.disabled", { url });
    case "webhook.endpoint_enabled":
      return w("audit.enabled", { url });
    case "webhook.endpoint_deleted":
      return w("audit.deleted", { url });
    case "webhook.endpoint_auto_disabled":
      return w("audit.autoDisabled", { url });
    case "webhook.delivery_resent":
      return w("audit.resent", { event: str(data.eventType) });
    case "webhook.test_sent":
      return w("audit.test", { url });
    default:
      return null;
  }
}

/** The translators of the namespaces that word their own entries ("apiKeys.audit", "webhooks.audit"). */
export type AuditWords = { apiKeys: Translator<"apiKeys">; webhooks: Translator<"webhooks"> };

/** API keys' entries, in their own catalog namespace; null for any other action. */
function describeApiKeyEntry(k: Translator<"apiKeys">, { action, data }: Entry): string | null {
  if (action === "api_key.created") return k("audit.created", { name: str(data.name), role: str(data.role), prefix: str(data.prefix) });
  if (action === "api_key.revoked") return k("audit.revoked", { name: str(data.name), prefix: str(data.prefix) });
  return null;
}

/** An occurrence's entries; null for any other action. */
function describeOccurrenceEntry(t: Translator<"settings">, { action, data }: Entry): string | null {
  switch (action) {
    case "occurrence.cancelled":
      return t("audit.occurrenceCancelled");
    case "occurrence.moved":
      return t("audit.occurrenceMoved");
    case "occurrence.closed":
      return t("audit.occurrenceClosed");
    case "occurrence.replayed":
      return t("audit.occurrenceReplayed", { title: str(data.title) });
    default:
      return null;
  }
}

export function describeAuditEntry(t: Translator<"settings">, format: Formatter, entry: Entry, words: AuditWords): string {
  const own = describeWebhookEntry(words.webhooks, entry) ?? describeApiKeyEntry(words.apiKeys, entry) ?? describeOccurrenceEntry(t, entry);
  if (own !== null) return own;
  const { action, data } = entry;
  const role = str(data.role);
  switch (action) {
    case "organization.created":
      return t("audit.organizationCreated", { name: str(data.name) });
    case "organization.seeded":
      return t("audit.organizationSeeded");
    case "organization.updated":
      return describeSettings(t, format, data);
    case "member.invited":
      return t("audit.memberInvited", { email: str(data.email), role });
    case "member.invitation_revoked":
      return t("audit.invitationRevoked", { email: str(data.email) });
    case "member.joined":
      return t("audit.memberJoined", { role });
    case "member.role_changed":
      return t("audit.roleChanged", { from: str(data.from), to: str(data.to) });
    case "member.removed":
      return t("audit.memberRemoved", { role });
    case "tracking_link.issued":
      return t("audit.linkIssued");
    case "tracking_link.reissued":
      return t("audit.linkReissued");
    case "attendance.checked_in":
      return t("audit.checkedIn");
    case "attendance.check_in_undone":
      return t("audit.checkInUndone");
    case "attendance.rsvp_changed":
      return t("audit.rsvpChanged");
    case "report.exported":
      return t("audit.reportExported", { from: day(format, data.from), to: day(format, data.to), rows: Number(data.rows) || 0 });
    case "roster.exported":
      return t("audit.rosterExported");
    case "whatsapp.template_mapped":
      return str(data.templateName)
        ? t("audit.templateMapped", { kind: str(data.kind), templateName: str(data.templateName), language: str(data.language) })
        : t("audit.templateReset", { kind: str(data.kind) });
    case "event.created":
      return t("audit.eventCreated");
    case "event.updated":
      return t("audit.eventUpdated");
    case "event.split":
      return t("audit.eventSplit");
    case "event.archived":
      return t("audit.eventArchived");
    case "event.deleted":
      return t("audit.eventDeleted");
    case "calendar_feed.created":
      return t("audit.calendarFeedCreated", { scope: str(data.scope) });
    case "calendar_feed.regenerated":
      return t("audit.calendarFeedRegenerated", { scope: str(data.scope) });
    case "participant.created":
      return t("audit.participantCreated");
    case "participant.updated":
      return t("audit.participantUpdated");
    case "participant.deleted":
      return t("audit.participantDeleted");
    case "participant.opted_out":
      return t("audit.participantOptedOut");
    case "participants.imported":
      return t("audit.participantsImported");
    case "roster.added":
      return t("audit.rosterAdded");
    case "roster.removed":
      return t("audit.rosterRemoved");
    default:
      // Anything newer than this list: its stored name, still readable ("participant created").
      return action.replaceAll(/[._]/g, " ");
  }
}
