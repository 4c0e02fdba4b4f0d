// Client-safe: WhatsApp messages in words.
import type { BadgeTone } from "@/components/ui/badge";

export const MESSAGE_KIND_LABELS: Record<string, string> = {
  confirmation: "Confirmation request",
  reminder: "Reminder",
  tracking_link: "Tracking link",
  location_request: "Tracking link",
  closure: "Closure",
  opt_out_ack: "Opt-out confirmation",
  reply: "Reply",
};

export const MESSAGE_STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  queued: { label: "Queued", tone: "neutral" },
  sent: { label: "Sent", tone: "brand" },
  delivered: { label: "Delivered", tone: "brand" },
  read: { label: "Read", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  received: { label: "Received", tone: "neutral" },
};
