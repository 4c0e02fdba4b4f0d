import type { DistanceUnits } from "./locales";

// Formats that Intl has no single call for. Everything else (dates, times, numbers, relative times) goes through
// next-intl's formatter (useFormatter, getFormatter, formatterFor) with the event's time zone passed in.

const METRES_PER_MILE = 1609.344;
const FEET_PER_METRE = 3.28084;

/**
 * A distance as people say it: "80 m", "1.2 km", "12 km"; or "300 ft", "0.8 mi", "12 mi" in imperial units. Rounded to
 * what a phone's position is good for (10 m, 50 ft), with the locale's digits and separators ("1,2 km" in German).
 */
export function formatDistance(metres: number, locale: string, units: DistanceUnits = "metric"): string {
  if (!Number.isFinite(metres) || metres < 0) return "–";
  const unit = (value: number, name: "meter" | "kilometer" | "foot" | "mile", fractionDigits = 0) =>
    new Intl.NumberFormat(locale, {
      style: "unit",
      unit: name,
      unitDisplay: "short",
      maximumFractionDigits: fractionDigits,
      minimumFractionDigits: fractionDigits,
    }).format(value);
  if (units === "imperial") {
    const feet = metres * FEET_PER_METRE;
    if (feet < 1000) return unit(Math.max(50, Math.round(feet / 50) * 50), "foot");
    const miles = metres / METRES_PER_MILE;
    return miles < 9.95 ? unit(Math.round(miles * 10) / 10, "mile", 1) : unit(Math.round(miles), "mile");
  }
  if (metres < 995) return unit(Math.max(10, Math.round(metres / 10) * 10), "meter");
  const km = metres / 1000;
  return km < 9.95 ? unit(Math.round(km * 10) / 10, "kilometer", 1) : unit(Math.round(km), "kilometer");
}
