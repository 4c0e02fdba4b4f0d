import { z } from "zod";
import { Role } from "@/lib/tenant";

// Client-safe.

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email().max(254));

export const InviteMemberInput = z.object({ email: Email, role: Role });
export type InviteMemberInput = z.infer<typeof InviteMemberInput>;

export const ChangeMemberRoleInput = z.object({ membershipId: z.uuid(), role: Role });
export type ChangeMemberRoleInput = z.infer<typeof ChangeMemberRoleInput>;

export const RemoveMemberInput = z.object({ membershipId: z.uuid() });
export type RemoveMemberInput = z.infer<typeof RemoveMemberInput>;

export const RevokeInvitationInput = z.object({ invitationId: z.uuid() });
export type RevokeInvitationInput = z.infer<typeof RevokeInvitationInput>;
