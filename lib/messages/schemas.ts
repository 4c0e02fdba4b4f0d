import { z } from "zod";
import type { messageKind } from "@/db/schema";

export const MESSAGE_STATUSES = ["queued", "sent", "delivered", "read", "failed", "received"] as const;
export const MessageStatus = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const MESSAGE_KINDS = ["confirmation", "reminder", "tracking_link", "location_request", "closure", "opt_out_ack", "reply"] as const satisfies readonly (typeof messageKind.enumValues)[number][];
export const MessageKind = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof MessageKind>;

export const ListMessagesInput = z.object({
  /** Only this occurrence's messages. */
  instanceId: z.uuid().optional(),
  /** Only messages to or from this participant. */
  participantId: z.uuid().optional(),
  status: MessageStatus.optional(),
  kind: MessageKind.optional(),
  /** Written at or after this instant. */
  from: z.coerce.date().optional(),
  /** Written before this instant. */
  to: z.coerce.date().optional(),
  limit: z.number().int().min(1).max(500).default(200),
});
export type ListMessagesInput = z.input<typeof ListMessagesInput>;
