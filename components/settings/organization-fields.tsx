import { useTranslations } from "next-intl";
import { Select, type SelectProps } from "@/components/ui/select";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { ORGANIZATION_TYPES } from "@/lib/organizations/schemas";

/** School / Company / Event host. */
export function OrganizationTypeSelect(props: Omit<SelectProps, "children">) {
  const t = useTranslations("organizations");
  return (
    <Select {...props}>
      {ORGANIZATION_TYPES.map((type) => (
        <option key={type} value={type}>
          {t(`types.${type}`)}
        </option>
      ))}
    </Select>
  );
}

/** Every IANA zone, passed in by the server page (the list is the server's). */
export function TimeZoneSelect({ timeZones, ...props }: Omit<SelectProps, "children"> & { timeZones: string[] }) {
  return (
    <Select {...props}>
      {timeZones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </Select>
  );
}

/** Countries whose phone numbers are read without a "+country" prefix; the list (named in the reader's language) comes from the server page. */
export function CountrySelect({ countries, ...props }: Omit<SelectProps, "children"> & { countries: { code: string; name: string }[] }) {
  return (
    <Select {...props}>
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </Select>
  );
}

/** The languages the app speaks, each named in its own words (a Brazilian admin finds "Português (Brasil)" in any dashboard language). */
export function LanguageSelect(props: Omit<SelectProps, "children">) {
  return (
    <Select {...props}>
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LOCALE_NAMES[locale]}
        </option>
      ))}
    </Select>
  );
}
