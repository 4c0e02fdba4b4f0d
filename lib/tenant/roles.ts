import { z } from "zod";
import { problemKey } from "@/lib/problems";

// Client-safe: no server imports, so the UI can hide what a role cannot do (the domain still enforces it).

/** Strongest first. */
export const ROLES = ["owner", "admin", "manager", "staff", "viewer"] as const;
export const Role = z.enum(ROLES, { error: problemKey("members.role") });
export type Role = z.infer<typeof Role>;

const rank: Record<Role, number> = { owner: 5, admin: 4, manager: 3, staff: 2, viewer: 1 };

export function hasRole(role: Role, atLeast: Role): boolean {
  return rank[role] >= rank[atLeast];
}

/** What each capability needs. Domain functions check these; pages use them only to hide controls. */
export const CAPABILITIES = {
  "organization.read": "viewer",
  "organization.update": "admin",
  "members.manage": "admin",
  "audit.read": "admin",
  "apiKeys.manage": "admin",
  "webhooks.manage": "admin",
  "events.read": "viewer",
  "events.write": "manager",
  "participants.write": "manager",
  "live.checkIn": "staff",
  "live.replay": "staff",
} as const satisfies Record<string, Role>;
export type Capability = keyof typeof CAPABILITIES;

export function can(role: Role, capability: Capability): boolean {
  return hasRole(role, CAPABILITIES[capability]);
}
