import { Select, type SelectProps } from "@/components/ui/select";
import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES } from "@/lib/organizations/schemas";

/** School / Company / Event host. */
export function OrganizationTypeSelect(props: Omit<SelectProps, "children">) {
  return (
    <Select {...props}>
      {ORGANIZATION_TYPES.map((type) => (
        <option key={type} value={type}>
          {ORGANIZATION_TYPE_LABELS[type]}
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

/** Countries whose phone numbers are read without a "+country" prefix; the list comes from the server page. */
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
