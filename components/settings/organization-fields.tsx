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
