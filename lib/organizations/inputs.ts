import { z } from "zod";
import { problemKey } from "@/lib/problems";
import { LOCALES } from "@/lib/i18n";
import { CountryCode, LocationRetentionDays, OrganizationName, OrganizationType, TimeZone } from "./schemas";

// The organization domain's inputs. Server-side: the language list comes with the catalogs' entry (lib/i18n).

/** The organization's default language: its participants' and its organizers' until they choose their own. */
export const OrganizationLanguage = z.enum(LOCALES, { error: problemKey("organizations.language") });

export const CreateOrganizationInput = z.object({
  name: OrganizationName,
  type: OrganizationType,
  timeZone: TimeZone,
  /** Reads phone numbers typed without a country code; the sign-up form proposes the browser's region. */
  defaultCountry: CountryCode.default("US"),
  /** Left out: the country's language (lib/i18n localeForCountry); the forms propose it and let it be changed. */
  language: OrganizationLanguage.optional(),
});
export type CreateOrganizationInput = z.input<typeof CreateOrganizationInput>;

export const UpdateOrganizationInput = CreateOrganizationInput.extend({
  defaultCountry: CountryCode,
  /** Left out: unchanged. */
  language: OrganizationLanguage.optional(),
  whatsappPhoneNumberId: z
    .string()
    .trim()
    .regex(/^\d{5,20}$/, problemKey("organizations.whatsappNumberId"))
    .or(z.literal("").transform(() => null))
    .nullable(),
  /** Left out: unchanged. */
  locationRetentionDays: LocationRetentionDays.optional(),
});
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationInput>;
