import { z } from "zod";
import { problemKey } from "@/lib/problems";

// Client-safe: imported by forms as well as by the domain functions. The inputs built from these are in inputs.ts.

export const ORGANIZATION_TYPES = ["school", "enterprise", "event"] as const;
export const OrganizationType = z.enum(ORGANIZATION_TYPES, { error: problemKey("organizations.type") });

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/** An ISO 3166 alpha-2 code of a real country ("XX" is not). */
export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value) && regionNames.of(value) !== undefined && value !== "ZZ";
}

export const TimeZone = z.string().trim().refine(isTimeZone, problemKey("organizations.timeZone"));

export const OrganizationName = z
  .string()
  .trim()
  .min(2)
  .max(80);

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, problemKey("organizations.country"));

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 365;
export const DEFAULT_RETENTION_DAYS = 90;

/** How long raw location points are kept; a form sends it as text, hence the coercion. */
export const LocationRetentionDays = z.coerce
  .number({ error: problemKey("organizations.retentionMissing") })
  .int(problemKey("organizations.retentionWholeDays"))
  .min(MIN_RETENTION_DAYS, problemKey("organizations.retentionTooShort"))
  .max(MAX_RETENTION_DAYS, problemKey("organizations.retentionTooLong"));
