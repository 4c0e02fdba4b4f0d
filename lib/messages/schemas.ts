import { z } from "zod";

export const MESSAGE_STATUSES = ["queued", "sent", "delivered", "read", "failed", "received"] as const;
export const MessageStatus = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const ListMessagesInput = z.object({
  /** Only this occurrence's messages. */
  instanceId: z.uuid().optional(),
  status: MessageStatus.optional(),
  limit: z.number().int().min(1).max(500).default(200),
});
export type ListMessagesInput = z.input<typeof ListMessagesInput>;
