import { z } from "zod";

// Client-safe: imported by forms as well as by the domain functions. The inputs built from these are in inputs.ts.

export const ORGANIZATION_TYPES = ["school", "enterprise", "event"] as const;
export const OrganizationType = z.enum(ORGANIZATION_TYPES, { message: "Choose school, company or event host." });

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

export const TimeZone = z.string().trim().refine(isTimeZone, "Choose a time zone from the list.");

export const OrganizationName = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(80, "Use at most 80 characters.");

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "Use a country's two-letter code, such as DE or US.");

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 365;
export const DEFAULT_RETENTION_DAYS = 90;

/** How long raw location points are kept; a form sends it as text, hence the coercion. */
export const LocationRetentionDays = z.coerce
  .number({ error: "Enter a number of days, e.g. 90." })
  .int("Use a whole number of days.")
  .min(MIN_RETENTION_DAYS, `Keep location history for at least ${MIN_RETENTION_DAYS} day.`)
  .max(MAX_RETENTION_DAYS, `Keep location history for at most ${MAX_RETENTION_DAYS} days.`);
