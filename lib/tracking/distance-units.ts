import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { distanceUnitsFor, type DistanceUnits } from "@/lib/i18n/locales";

/**
 * Miles and feet for a participant whose phone is from the US or the UK, kilometres and metres otherwise: the phone's
 * country is the best hint we have of the roads someone is used to. Every +44 number counts as British: the Crown
 * Dependencies (Guernsey, Jersey, Man) share it and drive in miles too, and so does a range not yet assigned.
 */
export function distanceUnitsForPhone(phone: string): DistanceUnits {
  const parsed = parsePhoneNumberFromString(phone);
  if (!parsed) return "metric";
  return distanceUnitsFor(parsed.countryCallingCode === "44" ? "GB" : parsed.country);
}
