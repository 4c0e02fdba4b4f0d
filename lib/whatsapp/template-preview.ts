// Client-safe: what a participant sees for each message kind when the organization's approved template follows
// the wording we recommend (docs/user-guide.md, "Connecting a real WhatsApp Business number"). Used by the settings preview.

export const TEMPLATE_KINDS = ["confirmation", "reminder", "tracking_link", "closure"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = {
  confirmation: "Confirmation request",
  reminder: "Reminder",
  tracking_link: "Tracking link",
  closure: "Closure (thank-you)",
};

export type TemplatePreview = { body: string; buttons: string[] };

/** The recommended body with example values in place of {{1}}, {{2}}, … and the buttons the template carries. */
export function previewTemplate(kind: TemplateKind, sample: { name: string; event: string; start: string; venue: string }): TemplatePreview {
  const { name, event, start, venue } = sample;
  switch (kind) {
    case "confirmation":
      return {
        body: `Hi ${name}, are you coming to ${event} on ${start} at ${venue}? Please tap a button to let us know.`,
        buttons: ["Confirm", "Decline", "Stop messages"],
      };
    case "reminder":
      return { body: `Hi ${name}, a reminder: ${event} is on ${start} at ${venue}. See you there!`, buttons: [] };
    case "tracking_link":
      return {
        body: `Hi ${name}, ${event} starts ${start}. Tap the button to share your position on the way, so we know when you arrive. Sharing stops when you arrive.`,
        buttons: ["Share my way (link)"],
      };
    case "closure":
      return { body: `Thank you for coming to ${event}, ${name}!`, buttons: [] };
  }
}
