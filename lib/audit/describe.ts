// Client-safe: audit entries in words for the activity list.

type Entry = { action: string; data: Record<string, unknown> };

const str = (value: unknown) => (typeof value === "string" ? value : "");

const SETTING_LABELS: Record<string, string> = {
  name: "name",
  type: "type",
  timeZone: "time zone",
  defaultCountry: "default country",
  whatsappPhoneNumberId: "WhatsApp number",
  locationRetentionDays: "location history retention",
};

export function describeAuditEntry({ action, data }: Entry): string {
  switch (action) {
    case "organization.created":
      return `Created the organization "${str(data.name)}"`;
    case "organization.seeded":
      return "Set up the demo organization";
    case "organization.updated": {
      const keys = Object.keys(data);
      const labels = keys.map((key) => SETTING_LABELS[key] ?? key);
      return keys.length > 0 ? `Changed settings: ${labels.join(", ")}` : "Saved settings (no changes)";
    }
    case "member.invited":
      return `Invited ${str(data.email)} as ${str(data.role)}`;
    case "member.invitation_revoked":
      return `Withdrew the invitation for ${str(data.email)}`;
    case "member.joined":
      return `Joined as ${str(data.role)}`;
    case "member.role_changed":
      return `Changed a member's role from ${str(data.from)} to ${str(data.to)}`;
    case "member.removed":
      return `Removed a ${str(data.role)}`;
    case "tracking_link.issued":
      return "Created a tracking link";
    case "tracking_link.reissued":
      return "Re-issued a tracking link (the old one stopped working)";
    case "attendance.checked_in":
      return "Checked a participant in by hand";
    case "attendance.check_in_undone":
      return "Undid a participant's check-in";
    case "report.exported":
      return `Downloaded the attendance report of ${str(data.from)} to ${str(data.to)} (${Number(data.rows) || 0} rows, with phone numbers)`;
    case "whatsapp.template_mapped":
      return str(data.templateName)
        ? `Set the WhatsApp template for ${str(data.kind).replaceAll("_", " ")} messages to ${str(data.templateName)} (${str(data.language)})`
        : `Set the WhatsApp template for ${str(data.kind).replaceAll("_", " ")} messages back to the default`;
    default:
      return action.replaceAll(/[._]/g, " ");
  }
}
